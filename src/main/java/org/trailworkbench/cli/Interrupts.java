package org.trailworkbench.cli;

import org.trailworkbench.task.Cancellation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C as a {@link Cancellation}. The JVM runs its shutdown hooks on SIGINT and ends when they return,
 * so for a command that has work to finish (an import commits what it has read, an export removes its
 * partial file) the hook cancels and then waits for the command to come back; any other command simply ends.
 */
final class Interrupts {

    /** How long Ctrl-C waits for a command to wind down before the JVM ends anyway. */
    private static final long GRACE_SECONDS = 60;

    private final Cancellation cancel = new Cancellation();
    private final AtomicBoolean cleanupNeeded = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread hook;

    private Interrupts() {
    }

    /** No hook: for {@link TrailCli#run} inside another program or a test. */
    static Interrupts none() {
        return new Interrupts();
    }

    /** With a shutdown hook, for {@link TrailCli#main}. */
    static Interrupts install() {
        Interrupts interrupts = new Interrupts();
        interrupts.hook = new Thread(interrupts::interrupted, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(interrupts.hook);
        return interrupts;
    }

    Cancellation cancellation() {
        return cancel;
    }

    /** From now on Ctrl-C waits for the command to finish cleanly. */
    void needsCleanup() {
        cleanupNeeded.set(true);
    }

    /**
     * The command is over and its output flushed. Returns false when the JVM is already shutting down
     * because of Ctrl-C: the caller must then not call {@code System.exit}, which would block for ever.
     */
    boolean finished() {
        done.countDown();
        if (hook == null) {
            return true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private void interrupted() {
        cancel.cancel();
        if (cleanupNeeded.get()) {
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

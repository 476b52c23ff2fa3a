package org.trailworkbench.ui;

import javafx.application.Platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long the FX thread goes without answering: a background thread posts a tiny task every
 * few milliseconds and records how late it runs. A late answer means the window was frozen that long.
 * Each wait is measured twice: in wall-clock time (what the user sees, on this machine, under its load)
 * and in CPU time of the FX thread (how much of the wait the window's own work took, whatever else the
 * machine runs). Used by the tests that guard against blocking the FX thread and by the UI benchmark.
 */
public final class FxWatchdog implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long periodNanos;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong worstCpuNanos = new AtomicLong();
    private final long fxThread;
    private final Thread thread;

    public FxWatchdog(long periodMillis) {
        this.periodNanos = periodMillis * 1_000_000L;
        this.fxThread = fxThreadId();
        thread = new Thread(this::loop, "fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private static long fxThreadId() {
        AtomicLong id = new AtomicLong();
        CountDownLatch known = new CountDownLatch(1);
        Platform.runLater(() -> {
            id.set(Thread.currentThread().getId());
            known.countDown();
        });
        try {
            if (!known.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the FX thread did not answer within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return id.get();
    }

    private void loop() {
        while (running.get()) {
            long posted = System.nanoTime();
            long cpuAtPost = THREADS.getThreadCpuTime(fxThread);
            AtomicBoolean answered = new AtomicBoolean();
            Platform.runLater(() -> {
                answered.set(true);
                record(System.nanoTime() - posted, THREADS.getCurrentThreadCpuTime() - cpuAtPost);
            });
            long deadline = posted + periodNanos;
            while (running.get() && (!answered.get() || System.nanoTime() < deadline)) {
                if (!answered.get()) { // still waiting: the stall is at least this long
                    record(System.nanoTime() - posted, THREADS.getThreadCpuTime(fxThread) - cpuAtPost);
                }
                LockSupport.parkNanos(500_000L);
            }
        }
    }

    private void record(long nanos, long cpuNanos) {
        worstNanos.accumulateAndGet(nanos, Math::max);
        worstCpuNanos.accumulateAndGet(cpuNanos, Math::max);
    }

    /** The longest the FX thread took to answer since the start or the last reset, in milliseconds. */
    public double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    /** Of the longest waits, the most CPU time the FX thread itself spent before answering, in milliseconds. */
    public double worstCpuMillis() {
        return worstCpuNanos.get() / 1e6;
    }

    public void reset() {
        worstNanos.set(0);
        worstCpuNanos.set(0);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

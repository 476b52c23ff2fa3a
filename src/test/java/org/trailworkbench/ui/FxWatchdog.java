package org.trailworkbench.ui;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the FX thread goes without answering: a background thread posts a tiny task every
 * few milliseconds and records how late it runs. A late answer means the window was frozen that long.
 * Used by the tests that guard against blocking the FX thread and by the UI benchmark.
 */
public final class FxWatchdog implements AutoCloseable {

    private final long periodNanos;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final Thread thread;

    public FxWatchdog(long periodMillis) {
        this.periodNanos = periodMillis * 1_000_000L;
        thread = new Thread(this::loop, "fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            long posted = System.nanoTime();
            AtomicBoolean answered = new AtomicBoolean();
            Platform.runLater(() -> {
                answered.set(true);
                record(System.nanoTime() - posted);
            });
            long deadline = posted + periodNanos;
            while (running.get() && (!answered.get() || System.nanoTime() < deadline)) {
                if (!answered.get()) {
                    record(System.nanoTime() - posted); // still waiting: the stall is at least this long
                }
                java.util.concurrent.locks.LockSupport.parkNanos(500_000L);
            }
        }
    }

    private void record(long nanos) {
        pings.incrementAndGet();
        worstNanos.accumulateAndGet(nanos, Math::max);
    }

    /** The longest the FX thread took to answer since the start or the last reset, in milliseconds. */
    public double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    public void reset() {
        worstNanos.set(0);
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

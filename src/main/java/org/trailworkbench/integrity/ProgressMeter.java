package org.trailworkbench.integrity;

import java.util.concurrent.atomic.AtomicLong;

/** Counts files and bytes done from many threads and tells the listener a few times a second. */
final class ProgressMeter {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final VerificationListener listener;
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong filesTotal = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private volatile String step = "starting";

    ProgressMeter(VerificationListener listener) {
        this.listener = listener;
    }

    void addTotal(long bytes) {
        filesTotal.incrementAndGet();
        bytesTotal.addAndGet(Math.max(0, bytes));
    }

    void step(String name) {
        step = name;
        report();
    }

    void fileDone(long bytes) {
        filesDone.incrementAndGet();
        bytesDone.addAndGet(Math.max(0, bytes));
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            report();
        }
    }

    void finish() {
        report();
    }

    private void report() {
        listener.progress(new VerificationProgress(step, filesDone.get(), filesTotal.get(), bytesDone.get(),
                bytesTotal.get()));
    }
}

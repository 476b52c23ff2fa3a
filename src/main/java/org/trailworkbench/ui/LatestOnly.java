package org.trailworkbench.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One background thread that runs only the newest job handed to it: a job still waiting when a newer one
 * arrives is dropped. Typing a query and pressing Enter five times runs at most two searches, not five.
 */
public final class LatestOnly {

    private final ExecutorService thread;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();

    public LatestOnly(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the job; after {@link #shutdown()} jobs are dropped, the window is going away. */
    public void submit(Runnable job) {
        if (thread.isShutdown()) {
            return;
        }
        if (pending.getAndSet(job) == null) {
            thread.execute(() -> {
                Runnable next = pending.getAndSet(null);
                if (next != null) {
                    next.run();
                }
            });
        }
    }

    public void shutdown() {
        thread.shutdownNow();
    }
}

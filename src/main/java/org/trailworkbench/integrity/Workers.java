package org.trailworkbench.integrity;

import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads that work through a list together, each taking the next element as it finishes
 * one (so a few large files do not leave a core idle), each with its own {@link GzipHasher}.
 */
final class Workers implements AutoCloseable {

    interface Task<T> {
        void run(T element, GzipHasher hasher) throws IOException;
    }

    private final int threads;
    private final Cancellation cancellation;
    private final ExecutorService pool;

    Workers(int threads, Cancellation cancellation) {
        this.threads = threads;
        this.cancellation = cancellation;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on every element and waits; throws {@link CancellationException} when cancelled. */
    <T> void each(List<T> elements, Task<T> task) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> runners = new ArrayList<>();
        for (int i = 0; i < Math.min(threads, Math.max(1, elements.size())); i++) {
            runners.add(pool.submit(() -> {
                try (GzipHasher hasher = new GzipHasher()) {
                    for (int at = next.getAndIncrement(); at < elements.size(); at = next.getAndIncrement()) {
                        if (cancellation.isCancelled()) {
                            return null;
                        }
                        task.run(elements.get(at), hasher);
                    }
                }
                return null;
            }));
        }
        for (Future<?> runner : runners) {
            try {
                runner.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
        cancellation.throwIfCancelled();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package org.trailworkbench.ui.tasks;

import org.trailworkbench.task.Cancellation;

import java.util.concurrent.CompletableFuture;

/**
 * A task started by {@link TaskRunner}: cancel it, or wait for it. {@link #finished()} completes after the
 * callback ran on the FX executor, so a test that waits for it sees what the window shows.
 */
public final class Running<T> {

    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<T> finished = new CompletableFuture<>();

    Running() {
    }

    /** Asks the work to stop; it still ends through one of its callbacks (with what it had, or its failure). */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** The result, once the callback ran; exceptionally with the work's failure (or the callback's). */
    public CompletableFuture<T> finished() {
        return finished;
    }

    /** On the FX executor. */
    void finish(Runnable callback, T result, Throwable failure) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
            throw e;
        }
        if (failure != null) {
            finished.completeExceptionally(failure);
        } else {
            finished.complete(result);
        }
    }
}

package org.trailworkbench.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancel button that long jobs (import, export, verification) poll between units of work.
 * Shared by the CLI (Ctrl-C) and the UI (Cancel) so domain code never needs to know which one asked.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancellationException} once cancelled; for loops that cannot return early cleanly. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("cancelled");
        }
    }
}

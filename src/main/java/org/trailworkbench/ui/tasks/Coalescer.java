package org.trailworkbench.ui.tasks;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** See {@link TaskRunner#coalescing}: the newest value wins, one update at a time waits for the FX executor. */
final class Coalescer<P> implements Consumer<P> {

    private final Executor fx;
    private final Consumer<? super P> show;
    private final AtomicReference<P> latest = new AtomicReference<>();

    Coalescer(Executor fx, Consumer<? super P> show) {
        this.fx = fx;
        this.show = show;
    }

    @Override
    public void accept(P value) {
        if (latest.getAndSet(Objects.requireNonNull(value)) == null) {
            fx.execute(() -> show.accept(latest.getAndSet(null)));
        }
    }
}

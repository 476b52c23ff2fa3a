package org.trailworkbench.ui.tasks;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trailworkbench.task.Cancellation;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The one way the window does anything slow: work runs on the background executor, its outcome is handed
 * to {@code onSuccess} or {@code onFailure} on the FX thread. Both executors are given to the constructor,
 * so a model can be tested without a toolkit: with a plain thread pool and a queue the test drains as
 * its "FX thread".
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** Slow work; it polls {@code cancel} between units of work when it can stop early. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Cancellation cancel) throws Exception;
    }

    private final Executor background;
    private final Executor fx;

    /**
     * @param background where the work runs
     * @param fx         where callbacks and coalesced updates run: the FX thread in the window
     */
    public TaskRunner(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
    }

    /** Daemon threads (a running task never keeps the JVM alive after the window closes) and the FX thread. */
    public static TaskRunner forWindow() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-background");
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner(pool, Platform::runLater);
    }

    /** Starts the work; exactly one of the callbacks runs, on the FX executor, even after {@link Running#cancel}. */
    public <T> Running<T> run(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Running<T> running = new Running<>();
        background.execute(() -> {
            T result;
            try {
                result = work.run(running.cancellation());
            } catch (Throwable e) {
                LOG.debug("a background task failed", e);
                fx.execute(() -> running.finish(() -> onFailure.accept(e), null, e));
                return;
            }
            fx.execute(() -> running.finish(() -> onSuccess.accept(result), result, null));
        });
        return running;
    }

    /**
     * A thread-safe sink for progress reports from worker threads: at most one update waits for the FX
     * executor, and a newer report replaces it, so a thousand reports a second cost a few redraws.
     */
    public <P> Consumer<P> coalescing(Consumer<? super P> show) {
        return new Coalescer<P>(fx, show);
    }

    /** Runs on the FX executor (from any thread): what a worker hands to the window unconditionally. */
    public void onFx(Runnable update) {
        fx.execute(update);
    }

    /** For failures nobody needs to see (a convenience that did not happen): the log file keeps them. */
    public static Consumer<Throwable> logged(String what) {
        return e -> LOG.warn("{} failed", what, e);
    }
}

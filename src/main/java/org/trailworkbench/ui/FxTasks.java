package org.trailworkbench.ui;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the outcome back on it: the one way the UI does anything slow.
 */
public final class FxTasks {

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workbench-background");
        t.setDaemon(true);
        return t;
    });

    private FxTasks() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    public static <T> CompletableFuture<T> run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        CompletableFuture<T> future = new CompletableFuture<>();
        BACKGROUND.execute(() -> {
            try {
                T result = work.run();
                future.complete(result);
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                future.completeExceptionally(e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
        return future;
    }
}

package org.trailworkbench.ui;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.ui.settings.Settings;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Starts the real main window on a stage, with settings in a temp folder, and waits for its answers. */
final class WindowFixture {

    private WindowFixture() {
    }

    /** Headless Monocle's screen is 1280 x 800; a bigger window overflows its frame buffer. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    /** A new stage per test, so that closing it shuts down only its own window. */
    static MainWindow start(Path settingsDir, Path caseDir) throws Exception {
        Stage stage = new Stage();
        MainWindow window = new MainWindow(stage, Settings.load(settingsDir.resolve("settings.properties")));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        stage.show();
        if (caseDir != null) {
            window.openCase(caseDir, null);
        }
        return window;
    }

    /** Waits until the window shows an answer for the current inputs, with its row list ready. */
    static SearchResponse settled(MainWindow window) throws Exception {
        waitFor(() -> window.model().responseProperty().get() != null && !window.model().searchingProperty().get());
        AtomicReference<SearchResponse> r = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> r.set(window.model().responseProperty().get())).get();
        return r.get();
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }

    static void close(MainWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ((Stage) window.scene().getWindow()).close()).get();
    }

    static Case caseOf(MainWindow window) {
        return window.model().caseProperty().get();
    }
}

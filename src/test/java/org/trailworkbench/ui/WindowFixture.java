package org.trailworkbench.ui;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.index.ReadThreads;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.ui.settings.Settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real main window on a stage, with settings in a temp folder, and waits for its answers. */
final class WindowFixture {

    private WindowFixture() {
    }

    /** Headless Monocle's screen is 1280 x 800; a bigger window overflows its frame buffer. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    /** The count of {@link ReadThreads#readsOnForbidden()} when each open window started. */
    private static final Map<MainWindow, Long> READS_AT_START = new ConcurrentHashMap<>();

    /** A new stage per test, so that closing it shuts down only its own window. */
    static MainWindow start(Path settingsDir, Path caseDir) throws Exception {
        Stage stage = new Stage();
        MainWindow window = new MainWindow(stage, Settings.load(settingsDir.resolve("settings.properties")));
        READS_AT_START.put(window, ReadThreads.readsOnForbidden());
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

    /**
     * Closes the window, and fails the test if the FX thread read the index while the window was open: such
     * a read freezes a real window for as long as it takes (see {@link ReadThreads}).
     */
    static void close(MainWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ((Stage) window.scene().getWindow()).close()).get();
        Long atStart = READS_AT_START.remove(window);
        assertThat(ReadThreads.readsOnForbidden() - (atStart == null ? 0 : atStart))
                .as("index reads on the FX thread while the window was open").isZero();
    }

    /** For a test that reads on the FX thread on purpose: what it read so far is not the window's doing. */
    static void forgiveReads(MainWindow window) {
        READS_AT_START.put(window, ReadThreads.readsOnForbidden());
    }

    static Case caseOf(MainWindow window) {
        return window.model().caseProperty().get();
    }
}

package org.trailworkbench.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.ui.settings.Settings;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window opens on the screen and within it, as its settings remember it or at its default size. The
 * headless screen is 1280 x 800, smaller than the default size, as a small laptop's is.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    @TempDir
    Path settingsDir;

    private Stage stage;

    @Start
    void start(Stage primary) {
        // each test opens its own window
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get();
        }
    }

    @Test
    void theFirstWindowFitsAScreenSmallerThanItsDefaultSize() throws Exception {
        Rectangle2D screen = open(Settings.load(settingsDir.resolve("settings.properties")));
        assertThat(screen.getWidth()).isLessThan(WindowPlacement.DEFAULT_WIDTH); // else this test proves nothing
        assertThat(stage.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(stage.getScene().getHeight()).isLessThan(screen.getHeight());
    }

    @Test
    void aSizeRememberedFromABiggerScreenIsCutToThisOne() throws Exception {
        Rectangle2D screen = open(remembered(0, 0, 2560, 1600));
        assertThat(stage.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(stage.getScene().getHeight()).isLessThan(screen.getHeight());
    }

    @Test
    void aPlaceAndSizeThatFitAreKeptAsTheyWere() throws Exception {
        open(remembered(100, 50, 900, 600));
        assertThat(stage.getScene().getWidth()).isEqualTo(900);
        assertThat(stage.getScene().getHeight()).isEqualTo(600);
        assertThat(stage.getX()).isEqualTo(100);
        assertThat(stage.getY()).isEqualTo(50);
    }

    /** Settings that remember a window at (x, y) with a scene of w x h. */
    private Settings remembered(int x, int y, int w, int h) throws Exception {
        Settings settings = Settings.load(settingsDir.resolve("settings.properties"));
        settings.put("window.x", String.valueOf(x));
        settings.put("window.y", String.valueOf(y));
        settings.put("window.width", String.valueOf(w));
        settings.put("window.height", String.valueOf(h));
        return settings;
    }

    /** Opens the main window with no case, as the application does; returns the screen's visible area. */
    private Rectangle2D open(Settings settings) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            new MainWindow(stage, settings);
            stage.show();
            return Screen.getPrimary().getVisualBounds();
        }).get();
    }
}

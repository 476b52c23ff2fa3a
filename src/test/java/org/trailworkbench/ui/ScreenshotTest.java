package org.trailworkbench.ui;

import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the picture the README shows from the real window on the sample case: a filter, a split timeline
 * and an open event. It goes to target/screenshots (the build never rewrites a tracked file); refreshing the
 * README's copy is a deliberate step (docs/UI.md, "Screenshot"):
 * <pre>
 * mvn -B test -Dtest=ScreenshotTest &amp;&amp; cp target/screenshots/main-window.png docs/screenshots/
 * </pre>
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    static final Path SCREENSHOT = Path.of(System.getProperty("trailworkbench.screenshots", "target/screenshots"),
            "main-window.png");

    @TempDir
    static Path settings;

    private MainWindow window;

    @BeforeAll
    static void buildCase() {
        SharedCase.get();
    }

    @Start
    void start(Stage primary) throws Exception {
        window = WindowFixture.start(settings, SharedCase.get());
    }

    @AfterEach
    void close() throws Exception {
        WindowFixture.close(window);
    }

    @Test
    void writesTheMainWindowScreenshot(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        robot.interact(() -> {
            window.explore().queryBar().field().setText("NOT userIdentity.type:AWSService");
            window.model().runQuery("NOT userIdentity.type:AWSService");
            window.model().include("awsRegion", "us-east-1");
            window.model().setSplitBy("readOnly");
        });
        WindowFixture.settled(window);
        robot.interact(() -> window.explore().table().getSelectionModel().select(2));
        WindowFixture.waitFor(() -> window.explore().table().getSelectionModel().getSelectedItem() != null
                && window.explore().table().getSelectionModel().getSelectedItem().hit() != null);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = window.scene().snapshot(null));
        Png.write(image[0], SCREENSHOT);
        // a blank picture of the same size compresses to almost nothing: the window's must not
        Path blank = settings.resolve("blank.png");
        Png.write(new WritableImage((int) image[0].getWidth(), (int) image[0].getHeight()), blank);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(Files.size(blank));
        assertThat(image[0].getWidth()).isEqualTo(WindowFixture.WIDTH);
    }
}

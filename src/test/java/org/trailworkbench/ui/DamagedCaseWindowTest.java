package org.trailworkbench.ui;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.FolderHash;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The window on a case whose index lost a file: it changes nothing, says so, and offers check and rebuild. */
@ExtendWith(ApplicationExtension.class)
class DamagedCaseWindowTest {

    @TempDir
    static Path settings;

    @TempDir
    static Path dir;

    private MainWindow window;

    @Start
    void start(Stage primary) {
        // each test opens the window on its own case
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WindowFixture.close(window);
        }
    }

    @Test
    void aDamagedCaseIsLeftAsItIsAndRebuildRestoresItsEvents(FxRobot robot) throws Exception {
        Path caseDir = damagedCase("_0.fdt");
        Map<String, String> before = FolderHash.of(caseDir);

        robot.interact(() -> {
            try {
                window = WindowFixture.start(settings, caseDir);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WindowFixture.waitFor(() -> robot.lookup("#damaged-case").tryQuery().isPresent());
        assertThat(robot.lookup("#damaged-case").queryAs(DialogPane.class).getContentText())
                .startsWith("A file of its commit is missing: _0.fdt");
        assertThat(FolderHash.of(caseDir)).isEqualTo(before);

        robot.clickOn(button(robot, "#damaged-case", "Check"));
        WindowFixture.waitFor(() -> robot.lookup("#case-check").tryQuery().isPresent());
        assertThat(robot.lookup("#case-check").queryAs(DialogPane.class).getContentText()).startsWith("Verdict: damaged");
        assertThat(FolderHash.of(caseDir)).isEqualTo(before);

        robot.clickOn(button(robot, "#case-check", "Rebuild"));
        WindowFixture.waitFor(() -> robot.lookup("#rebuilt").tryQuery().isPresent());
        assertThat(robot.lookup("#rebuilt").queryAs(DialogPane.class).getContentText())
                .startsWith("2 files read again, 3 events in the case.");
        robot.clickOn(button(robot, "#rebuilt", "OK"));
        assertThat(WindowFixture.settled(window).total()).isEqualTo(3);
    }

    private static Button button(FxRobot robot, String dialog, String text) {
        return robot.lookup(dialog + " .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    private static Path damagedCase(String lost) throws Exception {
        Path logs = dir.resolve("logs");
        TrailFiles.writeLog(logs, "us-east-1", "20240514T0100Z", List.of(Event.of("a1", "2024-05-14T01:00:00Z", "GetObject"),
                Event.of("a2", "2024-05-14T01:01:00Z", "PutObject")));
        TrailFiles.writeLog(logs, "eu-west-1", "20240514T0200Z", List.of(Event.of("b1", "2024-05-14T02:00:00Z", "GetObject")));
        Path caseDir = dir.resolve("case");
        try (Case c = Case.open(caseDir)) {
            c.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        }
        try (Stream<Path> files = Files.list(caseDir.resolve("index"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(lost);
        }
        Files.delete(caseDir.resolve("index").resolve(lost));
        return caseDir;
    }
}

package org.trailworkbench.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.trailworkbench.cli.TrailCli;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.ui.importing.ImportDialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases, import and export through the window, checked against the command line and the files. */
@ExtendWith(ApplicationExtension.class)
class CaseFlowTest {

    @TempDir
    static Path settings;

    @TempDir
    Path temp;

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
    void exportWritesWhatTheCliWritesForTheSameSelection(FxRobot robot) throws Exception {
        SearchResponse all = WindowFixture.settled(window);
        robot.clickOn("#query").write("eventSource:s3.amazonaws.com").type(KeyCode.ENTER);
        WindowFixture.settled(window);
        robot.interact(() -> window.model().include("readOnly", "false"));
        WindowFixture.settled(window);
        long from = all.timeline().starts()[0] + 3_600_000L * 12;
        long to = from + 86_400_000L;
        robot.interact(() -> window.model().zoomTo(new TimeRange(from, to)));
        SearchResponse shown = WindowFixture.settled(window);
        assertThat(shown.total()).isPositive();

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WindowFixture.waitFor(() -> robot.lookup("#export-file").tryQuery().isPresent());
        Path uiFile = temp.resolve("ui.csv");
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(uiFile.toString()));
        robot.clickOn("#export-start");
        Label status = robot.lookup("#export-status").queryAs(Label.class);
        WindowFixture.waitFor(() -> status.getText().startsWith("Exported"));
        String columns = robot.lookup("#export-columns").queryAs(TextField.class).getText();
        robot.clickOn("#export-close");

        Path cliFile = temp.resolve("cli.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrailCli.run(new PrintWriter(out), new PrintWriter(err), "export", "--case", SharedCase.get().toString(),
                "-q", "eventSource:s3.amazonaws.com", "--filter", "readOnly=false",
                "--from", Instant.ofEpochMilli(from).toString(), "--to", Instant.ofEpochMilli(to).toString(),
                "--columns", columns, "--out", cliFile.toString(), "--quiet");
        assertThat(code).as(err.toString()).isZero();

        byte[] ui = Files.readAllBytes(uiFile);
        assertThat(Files.readAllLines(uiFile)).hasSize((int) shown.total() + 1);
        assertThat(Arrays.equals(ui, Files.readAllBytes(cliFile))).as("the window's CSV equals the CLI's").isTrue();
        assertThat(status.getText()).contains(String.format("%,d", shown.total()));
    }

    @Test
    void anImportWithADamagedFileReportsItAndKeepsTheRest(FxRobot robot) throws Exception {
        Path logs = temp.resolve("evidence");
        List<TrailFiles.Event> good = List.of(
                TrailFiles.Event.of("e1", "2025-03-06T10:00:00Z", "GetObject"),
                TrailFiles.Event.of("e2", "2025-03-06T10:05:00Z", "PutObject"),
                TrailFiles.Event.of("e3", "2025-03-06T10:10:00Z", "DeleteObject"));
        TrailFiles.writeLog(logs, "us-east-1", "20250306T1000Z", good);
        byte[] whole = TrailFiles.gzip(TrailFiles.logFile(List.of(
                TrailFiles.Event.of("d1", "2025-03-06T11:00:00Z", "ListBuckets"),
                TrailFiles.Event.of("d2", "2025-03-06T11:01:00Z", "ListBuckets"))));
        Path damaged = logs.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2025/03/06/111122223333_CloudTrail_us-east-1_20250306T1100Z_cut.json.gz");
        Files.write(damaged, Arrays.copyOf(whole, whole.length - 12));

        Path newCase = temp.resolve("new-case");
        robot.interact(() -> window.openCase(newCase, null));
        WindowFixture.waitFor(() -> window.model().caseProperty().get() != null
                && window.model().caseProperty().get().dir().equals(newCase.toAbsolutePath().normalize()));
        ImportDialog[] dialog = new ImportDialog[1];
        robot.interact(() -> dialog[0] = window.importPaths(List.of(logs)));
        Label summary = robot.lookup("#import-summary").queryAs(Label.class);
        WindowFixture.waitFor(summary::isVisible);

        assertThat(summary.getText()).contains("1 file was damaged or skipped");
        @SuppressWarnings("unchecked")
        TableView<ImportDialog.Problem> problems = robot.lookup("#import-problem-table").queryAs(TableView.class);
        assertThat(problems.getItems()).hasSize(1);
        assertThat(problems.getItems().get(0).file()).endsWith("_cut.json.gz");
        assertThat(problems.getItems().get(0).status()).isEqualTo("damaged");
        assertThat(problems.getItems().get(0).reason()).isNotBlank();
        robot.clickOn("#import-close");

        SearchResponse after = WindowFixture.settled(window);
        assertThat(after.total()).isGreaterThanOrEqualTo(3);
        assertThat(window.model().caseStatsProperty().get().events()).isEqualTo(after.total());
    }
}

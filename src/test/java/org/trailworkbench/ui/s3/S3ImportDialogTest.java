package org.trailworkbench.ui.s3;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.s3.S3TestServer;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.tasks.TaskRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import from S3 dialog against the in-process S3 server loaded with the bundled sample trail, with
 * credentials from a profile in AWS config files, as a user has them.
 */
@ExtendWith(ApplicationExtension.class)
class S3ImportDialogTest {

    static final String BUCKET = "trail-bucket";
    static final String ACCOUNT = "111122223333";
    static final LocalDate DAY = LocalDate.of(2025, 3, 7);

    @TempDir
    static Path temp;
    static S3TestServer server;
    static Path sampleLogs;

    @TempDir
    Path work;
    private Case target;
    private S3ImportDialog dialog;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
        sampleLogs = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs")).toAbsolutePath();
        server.uploadTrail(sampleLogs, BUCKET, "audit/");
        Path config = temp.resolve("config");
        Path credentials = temp.resolve("credentials");
        Files.writeString(config, "[profile tw-test]\nregion = us-east-1\n");
        Files.writeString(credentials, "[tw-test]\naws_access_key_id = " + S3TestServer.ACCESS_KEY
                + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    }

    @AfterAll
    static void stopServer() throws Exception {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
        target = Case.open(work.resolve("case"));
        dialog = new S3ImportDialog(stage, TaskRunner.forWindow(), target, () -> { });
        dialog.stage().setX(0);
        dialog.stage().setY(0);
        dialog.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dialog.stage().close()).get();
        target.close();
    }

    private void fill(FxRobot robot, String bucket) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> profile = robot.lookup("#s3-profile").queryAs(ComboBox.class);
            assertThat(profile.getItems()).contains("tw-test");
            profile.getEditor().setText("tw-test");
            text(robot, "#s3-endpoint", server.endpoint().toString());
            text(robot, "#s3-region", "us-east-1");
            text(robot, "#s3-bucket", bucket);
            text(robot, "#s3-prefix", "audit");
            text(robot, "#s3-accounts", ACCOUNT);
            text(robot, "#s3-regions", "us-east-1");
        });
    }

    private static void text(FxRobot robot, String id, String value) {
        robot.lookup(id).queryAs(TextField.class).setText(value);
    }

    @Test
    void importsTheSelectionAndKeepsAnEvidenceCopy(FxRobot robot) throws Exception {
        fill(robot, BUCKET);
        Path copy = work.resolve("evidence");
        robot.interact(() -> {
            robot.lookup("#s3-from").queryAs(DatePicker.class).setValue(DAY);
            robot.lookup("#s3-to").queryAs(DatePicker.class).setValue(DAY);
            robot.lookup("#s3-keep-copy").queryAs(CheckBox.class).setSelected(true);
            text(robot, "#s3-copy-folder", copy.toString());
        });
        assertThat(robot.lookup("#s3-path-style").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#s3-import");
        Label status = robot.lookup("#s3-status").queryAs(Label.class);
        waitFor(() -> status.getText().contains("events read"));

        assertThat(robot.lookup("#s3-error").queryAs(Label.class).getText()).isEmpty();
        ImportReport disk;
        try (Case reference = Case.open(work.resolve("reference"))) {
            disk = reference.importPath(sampleLogs, new SourceFilter(Set.of(ACCOUNT), Set.of("us-east-1"), DAY, DAY),
                    ImportListener.SILENT, Cancellation.none());
            long expected = reference.search().search(SearchRequest.of("")).total();
            assertThat(target.search().search(SearchRequest.of("")).total()).isEqualTo(expected).isPositive();
        }
        assertThat(status.getText()).contains(String.format("%,d events read", disk.eventsRead()))
                .contains("Evidence copy in " + copy.toAbsolutePath().normalize());
        try (Stream<Path> files = Files.walk(copy)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> copy.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("audit/AWSLogs/")).map(p -> p.substring("audit/".length())))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p).matches("AWSLogs/" + ACCOUNT + "/CloudTrail(-Digest|-Insight)?/us-east-1/2025/03/07/.*"))
                    .anySatisfy(p -> assertThat(p).endsWith(".metadata.json"));
        }
        assertThat(copy.resolve("download-manifest.json")).exists();
    }

    @Test
    void aMissingBucketIsExplainedInWords(FxRobot robot) throws Exception {
        fill(robot, "no-such-trail-bucket");
        robot.clickOn("#s3-import");
        Label error = robot.lookup("#s3-error").queryAs(Label.class);
        waitFor(() -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("no-such-trail-bucket");
        assertThat(target.search().search(SearchRequest.of("")).total()).isZero();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}

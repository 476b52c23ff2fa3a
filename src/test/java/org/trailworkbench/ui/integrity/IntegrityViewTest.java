package org.trailworkbench.ui.integrity;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileRecord;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.theme.Icons;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Verify integrity view on the bundled sample evidence and on a tampered copy of it. */
@ExtendWith(ApplicationExtension.class)
class IntegrityViewTest {

    @TempDir
    static Path temp;
    static Case sampleCase;

    private IntegrityView view;
    private final AtomicReference<SearchRequest> shown = new AtomicReference<>();

    @BeforeAll
    static void importSamples() throws Exception {
        sampleCase = Case.open(temp.resolve("case"));
        sampleCase.importPath(sampleLogs(), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
    }

    @AfterAll
    static void closeCase() throws Exception {
        sampleCase.close();
    }

    static Path sampleLogs() {
        return Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs")).toAbsolutePath().normalize();
    }

    @Start
    void start(Stage stage) {
        view = new IntegrityView(new SimpleObjectProperty<>(sampleCase), TaskRunner.forWindow(), new Icons(), shown::set);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    private VerificationReport verify(FxRobot robot, Path folder) throws Exception {
        robot.interact(() -> view.verify(folder.toString()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view.reportProperty().get();
    }

    @Test
    void theSampleEvidenceIsAllValidAndALogFileShowsItsEvents(FxRobot robot) throws Exception {
        VerificationReport report = verify(robot, sampleLogs());

        assertThat(report.allValid()).isTrue();
        Label headline = robot.lookup("#integrity-headline").queryAs(Label.class);
        assertThat(headline.getText()).startsWith("All valid: ").contains(report.evidenceSha256());
        assertThat(rows(view.tree().getRoot())).hasSize(report.items().size())
                .allSatisfy(row -> assertThat(row.verdict().fails()).isFalse());
        Coverage coverage = Coverage.of(report.items());
        assertThat(coverage.rows()).isNotEmpty();
        assertThat(coverage.total(Coverage.Hour.VALID)).isPositive();
        assertThat(coverage.total(Coverage.Hour.FAILED) + coverage.total(Coverage.Hour.UNCHECKED)).isZero();

        // the reports the engine writes, through the view
        Path json = temp.resolve("integrity.json");
        Path html = temp.resolve("integrity.html");
        view.exportTo(json, false).get(30, TimeUnit.SECONDS);
        view.exportTo(html, true).get(30, TimeUnit.SECONDS);
        assertThat(Files.readString(json)).contains("\"evidenceSha256\"").contains(report.evidenceSha256());
        assertThat(Files.readString(html)).contains(report.evidenceSha256());

        // a log file with events: select it, ask for its events, and the request finds exactly them
        FileRecord imported = sampleCase.manifest().files().stream()
                .filter(f -> f.kind() == FileKind.EVENTS && f.events() > 0).findFirst().orElseThrow();
        ItemTree.Row row = rows(view.tree().getRoot()).stream()
                .filter(r -> r.item().location().equals(imported.id())).findFirst().orElseThrow();
        robot.interact(() -> {
            view.expandAll();
            select(view.tree().getRoot(), row.path());
        });
        robot.clickOn("#integrity-show-events");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.get() != null);
        long hits = sampleCase.search().search(shown.get()).total();
        assertThat(hits).isPositive().isLessThanOrEqualTo(imported.events());
        assertThat(sampleCase.search().search(SearchRequest.of("")).total()).isGreaterThan(hits);
    }

    @Test
    void aTamperedLogFileIsShownWithItsFailure(FxRobot robot) throws Exception {
        Path copy = temp.resolve("tampered");
        copyTree(sampleLogs(), copy);
        Path victim;
        try (Stream<Path> walk = Files.walk(copy)) {
            victim = walk.filter(p -> p.toString().contains("/CloudTrail/") && p.toString().endsWith(".json.gz"))
                    .sorted().findFirst().orElseThrow();
        }
        tamper(victim);

        VerificationReport report = verify(robot, copy);

        assertThat(report.allValid()).isFalse();
        String key = copy.relativize(victim).toString().replace('\\', '/');
        assertThat(report.failures()).extracting(i -> i.key()).containsExactly(key);
        assertThat(report.failures().get(0).verdict()).isEqualTo(Verdict.LOG_HASH_MISMATCH);
        Label headline = robot.lookup("#integrity-headline").queryAs(Label.class);
        assertThat(headline.getText()).startsWith("NOT VALID: 1 file INVALID");
        // the view switches to the problems and shows the file with its verdict
        List<ItemTree.Row> visible = rows(view.tree().getRoot());
        assertThat(visible).singleElement().satisfies(row -> {
            assertThat(row.item().key()).isEqualTo(key);
            assertThat(row.state()).isEqualTo("Log file: INVALID: hash value doesn't match");
        });
        Place place = Place.of(key);
        assertThat(robot.lookup(".integrity-where-line").queryAs(Label.class).getText())
                .startsWith(place.scope() + " · " + place.day()).contains("1 × Log file: INVALID: hash value doesn't match");
        Coverage coverage = Coverage.of(report.items());
        assertThat(coverage.total(Coverage.Hour.FAILED)).isEqualTo(1);
        assertThat(Files.exists(victim)).isTrue();
    }

    /** One character of the content changed, compressed again: a well-formed file with another hash. */
    private static void tamper(Path file) throws Exception {
        String json;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int at = json.indexOf("\"eventName\":\"") + 13;
        String changed = json.substring(0, at) + (json.charAt(at) == 'X' ? 'Y' : 'X') + json.substring(at + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(changed.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static List<ItemTree.Row> rows(TreeItem<ItemTree.Row> node) {
        List<ItemTree.Row> rows = new ArrayList<>();
        for (TreeItem<ItemTree.Row> child : node.getChildren()) {
            if (child.getValue().isGroup()) {
                rows.addAll(rows(child));
            } else {
                rows.add(child.getValue());
            }
        }
        return rows;
    }

    private boolean select(TreeItem<ItemTree.Row> node, String path) {
        for (TreeItem<ItemTree.Row> child : node.getChildren()) {
            if (child.getValue().path().equals(path)) {
                view.tree().getSelectionModel().select(child);
                view.tree().scrollTo(view.tree().getRow(child));
                return true;
            }
            if (select(child, path)) {
                return true;
            }
        }
        return false;
    }
}

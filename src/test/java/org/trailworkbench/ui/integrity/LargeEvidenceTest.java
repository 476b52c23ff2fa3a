package org.trailworkbench.ui.integrity;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.ui.FxWatchdog;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.theme.Icons;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Verify view on an evidence set of more than 15,000 files: the window answers within 100 ms all the
 * way through, while the verdicts arrive five times a second. A view that rebuilt its tree and grid on the
 * FX thread for every batch stalled for longer than that here.
 */
@ExtendWith(ApplicationExtension.class)
class LargeEvidenceTest {

    static final int MIN_FILES = 15_000;
    static final double MAX_STALL_MS = 100;

    @TempDir
    static Path temp;
    static GeneratedTrail trail;

    private IntegrityView view;

    /** Six accounts in six regions for six days: many region-days make many small files, fast to write. */
    @BeforeAll
    static void generate() throws Exception {
        List<String> accounts = List.of("210987654321", "345678901234", "456789012345", "567890123456", "678901234567",
                "789012345678");
        TrailSpec spec = TrailSpec.builder().seed(15_000L).accounts(accounts)
                .regions(List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1"))
                .homeRegion("us-east-1").start(Instant.parse("2025-03-03T00:00:00Z")).days(6).eventsPerDay(1_000)
                .withInsights(false).build();
        trail = new TrailGenerator(spec).generate(temp.resolve("evidence"), (done, total, message) -> { });
        assertThat(trail.counts().logFiles() + trail.counts().digests()).isGreaterThanOrEqualTo(MIN_FILES);
    }

    @Start
    void start(Stage stage) {
        view = new IntegrityView(new SimpleObjectProperty<>(null), TaskRunner.forWindow(), new Icons(), request -> { });
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @Test
    void theWindowAnswersWithin100msWhileFifteenThousandFilesAreVerified(FxRobot robot) throws Exception {
        // a first, small run: the controls' first layout and the JIT's first compiles are not what is measured
        robot.interact(() -> view.verify(IntegrityViewTest.sampleLogs().toString()));
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> view.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        VerificationReport report;
        double worst;
        double worstCpu;
        try (FxWatchdog watchdog = new FxWatchdog(5)) {
            robot.interact(() -> view.verify(trail.root().toString()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.MINUTES, () -> view.reportProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(view::expandAll); // every group open: the rows the user scrolls through
            WaitForAsyncUtils.waitForFxEvents();
            worst = watchdog.worstMillis();
            worstCpu = watchdog.worstCpuMillis();
            report = view.reportProperty().get();
        }
        System.out.printf("Verify view, %,d files: longest FX thread stall %.1f ms wall clock, %.1f ms of FX thread CPU%n",
                report.items().size(), worst, worstCpu);

        assertThat(report.allValid()).isTrue();
        assertThat(report.count(ItemKind.DIGEST)).isEqualTo(trail.counts().digests());
        assertThat(report.count(ItemKind.LOG)).isEqualTo(trail.counts().logFiles());
        List<ItemTree.Row> rows = rows(view.tree().getRoot());
        assertThat(rows).hasSize(report.items().size()).allSatisfy(row -> assertThat(row.verdict().fails()).isFalse());
        assertThat(rows).noneMatch(row -> row.verdict() == org.trailworkbench.integrity.Verdict.PENDING);
        // the FX thread's own work: on a machine that also runs other builds, the wall clock adds their load
        assertThat(worstCpu).as("longest FX thread stall, ms of its CPU time").isLessThan(MAX_STALL_MS);
    }

    private static List<ItemTree.Row> rows(TreeItem<ItemTree.Row> node) {
        return node.getChildren().stream().flatMap(child -> child.getValue().isGroup() ? rows(child).stream()
                : java.util.stream.Stream.of(child.getValue())).toList();
    }
}

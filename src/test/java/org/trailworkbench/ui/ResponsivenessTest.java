package org.trailworkbench.ui;

import javafx.application.Platform;
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
import org.testfx.util.WaitForAsyncUtils;
import org.trailworkbench.index.ReadThreads;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.ui.table.EventTable;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window never freezes: a watchdog pings the FX thread while the user searches, filters, scrolls the
 * table from top to bottom and opens events, and the longest wait must stay short; the first test proves
 * the watchdog sees a freeze. Reading the index on the FX thread is caught without a clock: every window
 * test fails at close if the FX thread read the index ({@link ReadThreads}), which the second test proves.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {

    /** Generous for a loaded 2-core CI machine with software rendering; a search on the FX thread exceeds it. */
    private static final double MAX_STALL_MS = 400;

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
    void theWatchdogSeesABlockedFxThread() throws Exception {
        WindowFixture.settled(window);
        try (FxWatchdog watchdog = new FxWatchdog(5)) {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                long until = System.nanoTime() + 600_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // what a search on the FX thread would do to the window
                }
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(watchdog.worstMillis()).isGreaterThanOrEqualTo(550);
        }
    }

    /** The check the window's tests make at close ({@link WindowFixture#close}) sees a read on the FX thread. */
    @Test
    void aReadOfTheIndexOnTheFxThreadIsCounted(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        long before = ReadThreads.readsOnForbidden();
        robot.interact(() -> {
            try {
                WindowFixture.caseOf(window).index().eventCount(); // what the window must never do
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(ReadThreads.readsOnForbidden()).isEqualTo(before + 1);
        long elsewhere = ReadThreads.readsOnForbidden();
        WindowFixture.caseOf(window).index().eventCount(); // the test's own thread may read
        assertThat(ReadThreads.readsOnForbidden()).isEqualTo(elsewhere);
        WindowFixture.forgiveReads(window);
    }

    @Test
    void searchingScrollingAndOpeningEventsNeverBlockTheFxThread(FxRobot robot) throws Exception {
        SearchResponse all = WindowFixture.settled(window);
        EventTable table = window.explore().table();
        try (FxWatchdog watchdog = new FxWatchdog(5)) {
            for (String q : new String[]{"eventSource:s3.amazonaws.com", "_exists_:errorCode", "accessdenied", ""}) {
                robot.interact(() -> window.explore().queryBar().field().clear());
                robot.clickOn("#query").write(q).type(KeyCode.ENTER);
                WindowFixture.settled(window);
            }
            robot.interact(() -> window.model().include("awsRegion", "us-east-1"));
            WindowFixture.settled(window);
            robot.interact(() -> window.model().clearFilters());
            WindowFixture.settled(window);
            int hits = table.rows().total(); // all hits: the table's items are a window of them
            assertThat((long) hits).isEqualTo(all.total());
            for (int step = 0; step <= 20; step++) {
                int target = (int) ((long) (hits - 1) * step / 20);
                robot.interact(() -> table.scrollToHit(target));
            }
            WindowFixture.waitFor(() -> table.rows().row(hits - 1).hit() != null);
            robot.interact(() -> table.selectHit(hits - 1));
            for (int i = 0; i < 5; i++) {
                robot.press(KeyCode.CONTROL, KeyCode.UP).release(KeyCode.UP, KeyCode.CONTROL);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.selectedRowProperty().get().index()).isEqualTo(hits - 6);
            assertThat(watchdog.worstMillis()).as("longest FX thread stall, ms").isLessThan(MAX_STALL_MS);
        }
    }
}

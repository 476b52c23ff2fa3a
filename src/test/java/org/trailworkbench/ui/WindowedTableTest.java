package org.trailworkbench.ui;

import javafx.scene.control.ScrollBar;
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
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.HitList;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.table.EventRow;
import org.trailworkbench.ui.table.EventTable;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table over more hits than it holds at once: a window of 1,000 rows over the sample case's 13,000
 * events. Every way of moving (the bar beside the table, keys, next event) reaches every hit, in the order
 * of the full hit list, and the selection survives the window moving away and back.
 */
@ExtendWith(ApplicationExtension.class)
class WindowedTableTest {

    private static final int WINDOW = 1_000;

    @TempDir
    static Path settings;

    private MainWindow window;
    private EventTable table;
    private List<EventHit> expected;

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

    private SearchResponse windowed() throws Exception {
        WindowFixture.settled(window);
        table = window.explore().table();
        WaitForAsyncUtils.asyncFx(() -> {
            table.setWindowRows(WINDOW);
            window.model().run();
        }).get();
        WindowFixture.waitFor(() -> table.rows() != null && table.rows().windowed());
        SearchResponse all = WindowFixture.settled(window);
        try (HitList list = HitList.of(WindowFixture.caseOf(window).index(), window.model().request(), Cancellation.none())) {
            expected = list.load(0, list.size());
        }
        return all;
    }

    @Test
    void theBarBesideTheTableReachesEveryHitInOrder() throws Exception {
        SearchResponse all = windowed();
        int total = (int) all.total();
        assertThat(total).isGreaterThan(10 * WINDOW);
        assertThat(fx(() -> table.getItems().size())).isEqualTo(WINDOW);
        assertThat(fx(() -> table.rows().total())).isEqualTo(total);
        ScrollBar bar = table.scrollBar();
        assertThat(fx(bar::isVisible)).isTrue();

        for (int target : new int[]{0, 2_500, total / 2, 700, total - 1}) {
            WaitForAsyncUtils.asyncFx(() -> bar.setValue(target)).get();
            WaitForAsyncUtils.waitForFxEvents();
            int top = fx(() -> (int) bar.getValue());
            assertThat(top).as("top row after moving the bar to %d", target)
                    .isBetween(Math.min(target, total - 40), target);
            WindowFixture.waitFor(() -> table.rows().row(top).hit() != null);
            assertThat(fx(() -> table.rows().row(top).hit().json())).isEqualTo(expected.get(top).json());
            int offset = fx(() -> table.rows().offset());
            assertThat(top - offset).as("the view is inside the window").isBetween(0, WINDOW - 1);
            assertThat(fx(() -> table.getItems().get(top - offset))).isSameAs(fx(() -> table.rows().row(top)));
        }
    }

    @Test
    void keysAndNextEventCrossTheWindowsEdges(FxRobot robot) throws Exception {
        int total = (int) windowed().total();
        robot.interact(() -> table.selectHit(WINDOW - 10));
        robot.interact(table::requestFocus);
        for (int i = 0; i < 30; i++) {
            robot.type(KeyCode.DOWN);
        }
        assertSelected(WINDOW + 20);

        robot.type(KeyCode.END);
        assertSelected(total - 1);
        WindowFixture.waitFor(() -> table.scrollBar().getValue() == table.scrollBar().getMax()); // the bar follows

        robot.type(KeyCode.HOME);
        assertSelected(0);

        robot.interact(() -> table.selectHit(3 * WINDOW - 2));
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> table.step(1));
        }
        assertSelected(3 * WINDOW + 3);
        robot.interact(() -> table.step(-4 * WINDOW));
        assertSelected(0);
    }

    @Test
    void theSelectionSurvivesTheWindowMovingAwayAndBack(FxRobot robot) throws Exception {
        int total = (int) windowed().total();
        robot.interact(() -> table.selectHit(100));
        assertSelected(100);

        robot.interact(() -> table.scrollBar().setValue(total - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> table.rows().offset())).as("the window moved away").isGreaterThan(100);
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(-1);
        assertThat(fx(() -> table.selectedRowProperty().get())).isSameAs(fx(() -> table.rows().row(100)));
        assertThat(fx(() -> window.explore().detail().shown().json())).isEqualTo(expected.get(100).json());

        robot.interact(() -> table.scrollBar().setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(100);
        assertSelected(100);
    }

    private void assertSelected(int position) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WindowFixture.waitFor(() -> {
            EventRow row = table.selectedRowProperty().get();
            return row != null && row.hit() != null;
        });
        EventRow row = fx(() -> table.selectedRowProperty().get());
        assertThat(row).isSameAs(fx(() -> table.rows().row(position)));
        assertThat(row.hit().json()).isEqualTo(expected.get(position).json());
        WindowFixture.waitFor(() -> window.explore().detail().shown() != null);
        assertThat(fx(() -> window.explore().detail().shown().json())).isEqualTo(expected.get(position).json());
        int offset = fx(() -> table.rows().offset());
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(position - offset);
    }

    private static <T> T fx(Supplier<T> read) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> value.set(read.get())).get();
        return value.get();
    }
}

package org.trailworkbench.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import org.trailworkbench.search.FacetCount;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.ui.table.EventRow;
import org.trailworkbench.ui.timeline.TimelineCanvas;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The exploring flows on a real case from sample-logs: query, facets, timeline zoom, events, errors. */
@ExtendWith(ApplicationExtension.class)
class ExploreFlowTest {

    @TempDir
    static Path settings;

    private MainWindow window;

    @BeforeAll
    static void buildCase() {
        SharedCase.get(); // off the FX thread: a first import takes a while
    }

    @Start
    void start(Stage primary) throws Exception {
        window = WindowFixture.start(settings, SharedCase.get());
    }

    @AfterEach
    void close() throws Exception {
        WindowFixture.close(window);
    }

    private SearchResponse direct(SearchRequest request) throws Exception {
        return WindowFixture.caseOf(window).search().search(request);
    }

    @Test
    void typingAQueryUpdatesHitsFacetsAndTable(FxRobot robot) throws Exception {
        SearchResponse all = WindowFixture.settled(window);
        assertThat(all.total()).isGreaterThan(10_000);

        robot.clickOn("#query").write("eventSource:iam.amazonaws.com").type(KeyCode.ENTER);
        SearchResponse iam = WindowFixture.settled(window);

        long expected = direct(SearchRequest.of("eventSource:iam.amazonaws.com")).total();
        assertThat(iam.total()).isEqualTo(expected).isLessThan(all.total()).isPositive();
        assertThat(robot.lookup("#status-hits").queryAs(Label.class).getText()).isEqualTo(String.format("%,d hits", expected));
        assertThat(iam.facets().get("eventSource")).extracting(FacetCount::value).containsExactly("iam.amazonaws.com");
        assertThat(robot.lookup("#facet-eventSource .facet-value").queryAllAs(Label.class))
                .extracting(Label::getText).contains("iam.amazonaws.com").doesNotContain("s3.amazonaws.com");
        EventRow first = window.explore().table().getItems().get(0);
        assertThat(first.hit().json()).contains("\"eventSource\":\"iam.amazonaws.com\"");
    }

    @Test
    void clickingAFacetValueFiltersAndShowsAChip(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        // a fresh lookup each time: a query made once keeps the roots of the windows open when it was made
        java.util.function.Supplier<java.util.Optional<Node>> kms = () -> robot.lookup("#facet-eventSource .facet-value")
                .match(n -> ((Label) n).getText().equals("kms.amazonaws.com")).tryQuery();
        WindowFixture.waitFor(() -> kms.get().isPresent()); // cells appear with the next layout pulse
        robot.clickOn(kms.get().orElseThrow());
        SearchResponse filtered = WindowFixture.settled(window);

        long expected = direct(SearchRequest.of("").withFilter("eventSource",
                new FacetFilter(Set.of("kms.amazonaws.com"), Set.of()))).total();
        assertThat(filtered.total()).isEqualTo(expected).isPositive();
        // drill sideways: the other services still show, with their own counts
        assertThat(filtered.facets().get("eventSource")).extracting(FacetCount::value).contains("s3.amazonaws.com", "kms.amazonaws.com");
        assertThat(robot.lookup(".chip-text").queryAs(Label.class).getText()).isEqualTo("Service: kms.amazonaws.com");

        robot.clickOn(".chip-remove");
        SearchResponse cleared = WindowFixture.settled(window);
        assertThat(cleared.total()).isGreaterThan(filtered.total());
        assertThat(robot.lookup(".chip").tryQuery()).isEmpty();
    }

    @Test
    void excludingAValueLeavesItOut(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        robot.interact(() -> window.model().exclude("eventSource", "s3.amazonaws.com"));
        SearchResponse without = WindowFixture.settled(window);
        long expected = direct(SearchRequest.of("").withFilter("eventSource",
                new FacetFilter(Set.of(), Set.of("s3.amazonaws.com")))).total();
        assertThat(without.total()).isEqualTo(expected);
        assertThat(robot.lookup(".chip-text").queryAs(Label.class).getText()).isEqualTo("NOT Service: s3.amazonaws.com");
    }

    @Test
    void draggingOnTheTimelineZoomsInAndBackOut(FxRobot robot) throws Exception {
        SearchResponse all = WindowFixture.settled(window);
        TimelineCanvas canvas = robot.lookup("#timeline").queryAs(TimelineCanvas.class);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double y = b.getMinY() + b.getHeight() / 2;
        robot.drag(new Point2D(b.getMinX() + 52 + (b.getWidth() - 62) * 0.30, y), MouseButton.PRIMARY)
                .moveTo(new Point2D(b.getMinX() + 52 + (b.getWidth() - 62) * 0.55, y))
                .release(MouseButton.PRIMARY);
        SearchResponse zoomed = WindowFixture.settled(window);

        TimeRange range = window.model().rangeProperty().get();
        assertThat(range.isBounded()).isTrue();
        assertThat(zoomed.total()).isLessThan(all.total())
                .isEqualTo(direct(SearchRequest.of("").withRange(range)).total());
        assertThat(zoomed.timeline().starts()[0]).isLessThanOrEqualTo(range.from());
        assertThat(robot.lookup("#time-from").queryTextInputControl().getText()).isNotEmpty();

        robot.clickOn("#timeline-back");
        SearchResponse back = WindowFixture.settled(window);
        assertThat(window.model().rangeProperty().get()).isEqualTo(TimeRange.ALL);
        assertThat(back.total()).isEqualTo(all.total());
    }

    @Test
    void hoveringTheTimelineNamesTheBucket(FxRobot robot) throws Exception {
        SearchResponse all = WindowFixture.settled(window);
        TimelineCanvas canvas = robot.lookup("#timeline").queryAs(TimelineCanvas.class);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.moveTo(new Point2D(b.getMinX() + 52 + (b.getWidth() - 62) * 0.5, b.getMinY() + b.getHeight() / 2));
        Label hover = robot.lookup("#timeline-hover").queryAs(Label.class);
        WindowFixture.waitFor(hover::isVisible);
        assertThat(hover.getText()).contains("UTC").containsPattern("[0-9,]+ events");
        assertThat(all.timeline().size()).isGreaterThan(10);
    }

    @Test
    void openingAnEventShowsItsJsonAndKeysStepThroughEvents(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        java.util.function.Supplier<java.util.Optional<Node>> firstRow = () -> robot.lookup("#events .table-row-cell")
                .match(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == 0
                        && ((javafx.scene.control.TableRow<?>) n).getItem() != null).tryQuery();
        WindowFixture.waitFor(() -> firstRow.get().isPresent()); // cells appear with the next layout pulse
        robot.clickOn(firstRow.get().orElseThrow());
        EventRow first = window.explore().table().getSelectionModel().getSelectedItem();
        assertThat(first).isNotNull();
        String eventName = org.trailworkbench.export.JsonPaths.get(first.hit().json(), "eventName");
        assertThat(robot.lookup("#detail-heading").queryAs(Label.class).getText()).startsWith(eventName);
        assertThat(robot.lookup(".json-key").queryAll()).isNotEmpty();
        // the key fields' names are whole however long the values beside them (the file path wraps)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".key-name").queryAllAs(Label.class)).isNotEmpty()
                .allSatisfy(name -> assertThat(name.getWidth()).as(name.getText()).isGreaterThanOrEqualTo(name.prefWidth(-1)));

        robot.press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.explore().table().getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void aBadQueryIsExplainedUnderTheQueryBar(FxRobot robot) throws Exception {
        SearchResponse before = WindowFixture.settled(window);
        robot.clickOn("#query").write("eventName:Get AND AND x").type(KeyCode.ENTER);
        Label error = robot.lookup("#query-error").queryAs(Label.class);
        WindowFixture.waitFor(error::isVisible);
        assertThat(error.getText()).startsWith("Syntax error at column").contains("AND");
        assertThat(window.model().responseProperty().get()).isSameAs(before); // the last good answer stays

        clearQuery(robot);
        robot.clickOn("#query").write("eventName:GetObject").type(KeyCode.ENTER);
        WindowFixture.settled(window);
        WindowFixture.waitFor(() -> !error.isVisible());
    }

    @Test
    void completionOffersFieldPaths(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        WindowFixture.waitFor(() -> window.explore().queryBar().field().getScene() != null);
        robot.clickOn("#query").write("userIdentity.ar");
        WindowFixture.waitFor(() -> robot.lookup("#completion").tryQuery().isPresent());
        robot.type(KeyCode.TAB);
        assertThat(window.explore().queryBar().field().getText()).isEqualTo("userIdentity.arn:");
        robot.write("*alice*").type(KeyCode.ENTER); // Enter runs the query, it does not pick a suggestion
        WindowFixture.settled(window);
        assertThat(window.model().queryProperty().get()).isEqualTo("userIdentity.arn:*alice*");
    }

    @Test
    void historyWalksBackWithUp(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        robot.clickOn("#query").write("eventName:GetObject").type(KeyCode.ENTER);
        WindowFixture.settled(window);
        clearQuery(robot);
        robot.clickOn("#query").write("readOnly:false").type(KeyCode.ENTER);
        WindowFixture.settled(window);
        robot.type(KeyCode.UP);
        assertThat(window.explore().queryBar().field().getText()).isEqualTo("readOnly:false");
        robot.type(KeyCode.UP);
        assertThat(window.explore().queryBar().field().getText()).isEqualTo("eventName:GetObject");
    }

    @Test
    void splittingTheTimelineShowsALegend(FxRobot robot) throws Exception {
        WindowFixture.settled(window);
        robot.interact(() -> window.model().setSplitBy("readOnly"));
        SearchResponse split = WindowFixture.settled(window);
        assertThat(split.timeline().seriesNames()).contains("true", "false");
        assertThat(robot.lookup("#timeline-legend .legend-item").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(t -> t.startsWith("true")).anyMatch(t -> t.startsWith("false"));
        List<String> columns = List.copyOf(window.explore().table().columnPaths());
        assertThat(columns).contains("eventTime");
    }

    private void clearQuery(FxRobot robot) {
        robot.interact(() -> window.explore().queryBar().field().clear());
    }
}

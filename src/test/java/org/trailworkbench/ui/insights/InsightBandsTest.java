package org.trailworkbench.ui.insights;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.shape.Rectangle;
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
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.Origin;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.MainWindow;
import org.trailworkbench.ui.settings.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Insights on the real window's timeline, on a case of the bundled sample logs (AWS Insights and local). */
@ExtendWith(ApplicationExtension.class)
class InsightBandsTest {

    @TempDir
    static Path temp;
    static Path caseDir;

    private MainWindow window;

    @BeforeAll
    static void importSamples() throws Exception {
        caseDir = temp.resolve("case");
        try (Case c = Case.open(caseDir)) {
            c.importPath(Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs")), SourceFilter.ALL,
                    ImportListener.SILENT, Cancellation.none());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, Settings.load(temp.resolve("settings.properties")));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.openCase(caseDir, null);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ((Stage) window.scene().getWindow()).close()).get();
    }

    @Test
    void clickingABandZoomsToTheAnomalyAndShowsItsEvents(FxRobot robot) throws Exception {
        waitFor(() -> window.model().responseProperty().get() != null && !window.model().searchingProperty().get());
        waitFor(() -> !robot.lookup(".insight-band").queryAll().isEmpty());
        TableView<Anomaly> table = robot.lookup("#insights-table").queryTableView();
        List<Anomaly> anomalies = List.copyOf(table.getItems());
        assertThat(anomalies).extracting(Anomaly::origin).contains(Origin.AWS_INSIGHTS, Origin.DETECTED_LOCALLY);
        assertThat(robot.lookup("#insight-legend").tryQuery()).isPresent();
        boolean keyOverChart = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node key = robot.lookup("#insight-legend").query();
            var canvas = window.explore().timeline().canvas();
            var plot = canvas.localToScene(new javafx.geometry.BoundingBox(0, canvas.plotTop(), canvas.getWidth(),
                    canvas.plotBottom() - canvas.plotTop()));
            return !key.isVisible() || key.localToScene(key.getBoundsInLocal()).intersects(plot);
        }).get();
        assertThat(keyOverChart).as("the colours' key is shown, and not over the bars").isFalse();

        // the band of the first anomaly that is wide enough to click; bands are redrawn when the timeline
        // lays out again, so a band looked up a moment ago may have left the scene: look it up again then
        Rectangle band = null;
        for (int attempt = 0; band == null || band.getScene() == null; attempt++) {
            assertThat(attempt).as("a band that stays in the scene").isLessThan(20);
            WaitForAsyncUtils.waitForFxEvents();
            band = robot.lookup(".insight-band").queryAllAs(Rectangle.class).stream()
                    .filter(r -> r.getWidth() >= 4 && r.getScene() != null).findFirst().orElse(null);
        }
        Anomaly anomaly = anomalies.get(Integer.parseInt(band.getId().substring("insight-band-".length())));
        robot.moveTo(band);
        Label hover = robot.lookup("#insight-hover").queryAs(Label.class);
        waitFor(hover::isVisible);
        assertThat(hover.getText()).contains(AnomalyText.api(anomaly)).contains("baseline").contains("duration");

        robot.clickOn(band);
        SearchRequest expected = anomaly.eventsRequest();
        waitFor(() -> expected.range().equals(window.model().rangeProperty().get())
                && expected.filters().equals(window.model().filtersProperty().get())
                && !window.model().searchingProperty().get() && window.model().shownRequestProperty().get() != null
                && window.model().shownRequestProperty().get().range().equals(expected.range()));
        AtomicReference<SearchResponse> shown = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> shown.set(window.model().responseProperty().get())).get();
        long direct = window.model().caseProperty().get().search().search(expected).total();
        assertThat(shown.get().total()).isEqualTo(direct).isPositive();
        assertThat(window.model().queryProperty().get()).isEqualTo(expected.query());
        assertThat(window.model().canZoomBackProperty().get()).isTrue();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}

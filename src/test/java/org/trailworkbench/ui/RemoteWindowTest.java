package org.trailworkbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
import org.trailworkbench.remote.SampleIndex;
import org.trailworkbench.search.HitList;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.cases.RemoteCaseDialog;
import org.trailworkbench.ui.table.EventRow;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote case of sample-logs on the test node, opened through File › Open remote case: the same totals and
 * facets as the local case of the same trail, a deep row and its JSON in the detail pane, and the dialog's one
 * line for a URL that does not answer or does not parse.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteWindowTest {

    @TempDir
    static Path settings;
    static Case local;
    static String url;
    /** How the window names the case: the target's URL (opensearch:// is plain HTTP), never a password. */
    static String shownName;

    private MainWindow window;

    @BeforeAll
    static void prepare() throws Exception {
        url = SampleIndex.url(); // off the FX thread: the node starts and the import runs once per JVM
        shownName = org.trailworkbench.remote.RemoteTarget.parse(url, null, null).toString();
        local = Case.open(SharedCase.get());
    }

    @AfterAll
    static void closeLocal() throws Exception {
        local.close();
    }

    @Start
    void start(Stage primary) throws Exception {
        window = WindowFixture.start(settings, null);
    }

    @AfterEach
    void close() throws Exception {
        WindowFixture.close(window);
    }

    private RemoteCaseDialog openDialog(FxRobot robot, String address) throws Exception {
        RemoteCaseDialog[] dialog = new RemoteCaseDialog[1];
        robot.interact(() -> {
            dialog[0] = window.chooseRemoteCase();
            robot.lookup("#remote-url").queryAs(TextField.class).setText(address);
            robot.lookup("#remote-user").queryAs(TextField.class).setText(""); // the test node asks for none
        });
        return dialog[0];
    }

    @Test
    void aRemoteCaseAnswersAsTheLocalOneDoes(FxRobot robot) throws Exception {
        RemoteCaseDialog dialog = openDialog(robot, url);
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> shownName.equals(window.model().caseNameProperty().get()));
        assertThat(dialog.stage().isShowing()).isFalse();
        SearchResponse all = WindowFixture.settled(window);
        assertThat(all.total()).isEqualTo(local.search().search(SearchRequest.of("")).total()).isGreaterThan(10_000);
        assertThat(((Stage) window.scene().getWindow()).getTitle()).isEqualTo("Trail Workbench — " + shownName);
        assertThat(robot.lookup("#status-case").queryAs(Label.class).getText()).isEqualTo("Case: " + shownName);

        robot.clickOn("#query").write("eventSource:iam.amazonaws.com OR errorCode:*").type(KeyCode.ENTER);
        SearchResponse answer = WindowFixture.settled(window);
        SearchRequest shown = window.model().shownRequestProperty().get();
        assertThat(shown.query()).isEqualTo("eventSource:iam.amazonaws.com OR errorCode:*");
        SearchResponse expected = local.search().search(shown);
        assertThat(answer.total()).isEqualTo(expected.total()).isLessThan(all.total()).isPositive();
        assertThat(answer.facets()).isEqualTo(expected.facets());
        assertThat(answer.timeline().counts()).isEqualTo(expected.timeline().counts());
        assertThat(robot.lookup("#status-hits").queryAs(Label.class).getText())
                .isEqualTo(String.format("%,d hits", expected.total()));

        // the first row by a click, then the last (past the table's first page and the cluster's result window)
        robot.clickOn(robot.lookup("#events .table-row-cell").nth(0).queryAs(Node.class));
        EventRow first = window.explore().table().getSelectionModel().getSelectedItem();
        assertThat(first.hit()).isNotNull();
        String eventName = org.trailworkbench.export.JsonPaths.get(first.hit().json(), "eventName");
        assertThat(robot.lookup("#detail-heading").queryAs(Label.class).getText()).startsWith(eventName);

        int last = (int) answer.total() - 1;
        robot.interact(() -> window.explore().table().selectHit(last));
        WindowFixture.waitFor(() -> window.explore().table().selectedRowProperty().get() != null
                && window.explore().table().selectedRowProperty().get().index() == last
                && window.explore().table().selectedRowProperty().get().hit() != null);
        WaitForAsyncUtils.waitForFxEvents();
        EventRow row = window.explore().table().selectedRowProperty().get();
        try (HitList list = HitList.of(local.index(), shown, Cancellation.none())) {
            assertThat(row.hit().time()).isEqualTo(list.load(last, 1).get(0).time());
        }
        String eventId = org.trailworkbench.export.JsonPaths.get(row.hit().json(), "eventID");
        WindowFixture.waitFor(() -> detailText(robot).contains(eventId));
        assertThat(robot.lookup(".json-key").queryAll()).isNotEmpty();
    }

    @Test
    void whatNeedsACaseFolderIsDisabledAndExportIsNot(FxRobot robot) throws Exception {
        openDialog(robot, url);
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> shownName.equals(window.model().caseNameProperty().get()));
        WindowFixture.settled(window);
        assertThat(window.model().caseProperty().get()).isNull();
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        for (MenuItem item : bar.getMenus().get(0).getItems()) {
            String text = item.getText() == null ? "" : item.getText();
            if (text.startsWith("Import") || text.startsWith("Verify")) {
                assertThat(item.isDisable()).as(text).isTrue();
            }
            if (text.startsWith("Export") || text.startsWith("Open")) {
                assertThat(item.isDisable()).as(text).isFalse();
            }
        }
        assertThat(window.tabs().getTabs().get(1).isDisable()).isTrue();
        assertThat(window.tabs().getTabs().get(2).isDisable()).as("Insights").isFalse();
        assertThat(window.tabs().getTabs().get(0).isDisable()).isFalse();
        org.trailworkbench.ui.exporting.ExportDialog[] export = new org.trailworkbench.ui.exporting.ExportDialog[1];
        robot.interact(() -> export[0] = window.exportCsv());
        assertThat(export[0]).isNotNull();
        robot.interact(() -> export[0].stage().close());
    }

    /** The Insights view reads the cluster's aggregations and lists what it lists for the local case. */
    @Test
    void theInsightsViewListsTheLocalCasesAnomalies(FxRobot robot) throws Exception {
        openDialog(robot, url);
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> shownName.equals(window.model().caseNameProperty().get()));
        var expected = new org.trailworkbench.insights.InsightsService(local.index())
                .list(org.trailworkbench.insights.InsightsRequest.all(), Cancellation.none()).anomalies();
        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        javafx.scene.control.TableView<org.trailworkbench.insights.Anomaly> table =
                robot.lookup("#insights-table").queryTableView();
        WindowFixture.waitFor(() -> table.getItems().size() == expected.size());
        assertThat(List.copyOf(table.getItems())).isEqualTo(expected).hasSize(4);
    }

    @Test
    void aClusterThatDoesNotAnswerIsOneLineInTheDialog(FxRobot robot) throws Exception {
        RemoteCaseDialog dialog = openDialog(robot, "opensearch://127.0.0.1:1/sample");
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> dialog.statusText().contains("cannot connect"));
        assertThat(dialog.statusText()).startsWith("http://127.0.0.1:1/sample: cannot connect").doesNotContain("\n");
        assertThat(dialog.stage().isShowing()).isTrue();
        assertThat(window.model().eventsProperty().get()).isNull();

        robot.interact(() -> robot.lookup("#remote-url").queryAs(TextField.class).setText("ftp://host/x"));
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> dialog.statusText().contains("use opensearch://"));

        robot.interact(() -> robot.lookup("#remote-url").queryAs(TextField.class).setText(
                url.substring(0, url.lastIndexOf('/')) + "/no-such-index"));
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> dialog.statusText().contains("no such index"));
        assertThat(window.model().eventsProperty().get()).isNull();
        robot.interact(() -> dialog.stage().close());
    }

    private static String detailText(FxRobot robot) {
        TextFlow json = robot.lookup("#detail-json").queryAs(TextFlow.class);
        return json.getChildren().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .collect(Collectors.joining());
    }
}

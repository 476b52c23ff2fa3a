package org.trailworkbench.ui.insights;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.InsightsResult;
import org.trailworkbench.ui.errors.ErrorMessages;
import org.trailworkbench.ui.theme.Icons;
import org.trailworkbench.ui.time.TimeDisplay;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Insights panel: every anomaly of the case, AWS's and locally detected, with its interval, API,
 * averages and severity; the selected one's attributions below; "Show events" (or a double click) zooms
 * the Explore view to it with its events.
 */
public final class InsightsPanel extends BorderPane {

    private final TableView<Anomaly> table;
    private final TextArea detail = new TextArea();

    public InsightsPanel(InsightsModel model, TimeDisplay time, Icons icons, Consumer<Anomaly> showEvents) {
        setId("insights-panel");
        getStyleClass().add("insights-panel");
        Label title = new Label("Insights");
        title.getStyleClass().add("card-title");
        Label status = new Label();
        status.setId("insights-status");
        status.getStyleClass().add("muted");
        Runnable describe = () -> status.setText(status(model));
        model.runningProperty().addListener((obs, o, n) -> describe.run());
        model.resultProperty().addListener((obs, o, n) -> describe.run());
        model.failureProperty().addListener((obs, o, n) -> describe.run());
        Button refresh = new Button("Detect again", icons.view("run"));
        refresh.setId("insights-refresh");
        refresh.getStyleClass().add("flat");
        refresh.setTooltip(new Tooltip("Read the AWS Insights records and run the local detection again (after an import)"));
        refresh.disableProperty().bind(model.runningProperty());
        refresh.setOnAction(e -> model.refresh());
        Button show = new Button("Show events", icons.view("search"));
        show.setId("insights-show-events");
        show.getStyleClass().add("flat");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, status, spacer, InsightBands.swatch("AWS Insights", InsightBands.AWS),
                InsightBands.swatch("detected locally", InsightBands.LOCAL), refresh, show);
        header.setAlignment(Pos.CENTER_LEFT);

        table = new TableView<>(model.anomalies());
        table.setId("insights-table");
        table.setPlaceholder(new Label("No anomalies: no AWS Insights records in the case, and nothing unusual detected"));
        table.getColumns().add(column("Start", 150, a -> time.minutes(a.start().toEpochMilli())));
        table.getColumns().add(column("Duration", 90, AnomalyText::duration));
        TableColumn<Anomaly, String> origin = column("Origin", 130, a -> a.origin().label());
        origin.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                Anomaly a = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setGraphic(a == null ? null : new Rectangle(10, 10, InsightBands.colour(a.origin())));
            }
        });
        table.getColumns().add(origin);
        table.getColumns().add(column("Kind", 150, a -> a.type().awsName()));
        table.getColumns().add(column("API", 260, AnomalyText::api));
        table.getColumns().add(column("Account · region", 190, a -> a.account() + " · " + a.region()));
        table.getColumns().add(column("Baseline /min", 100, a -> String.format(Locale.ROOT, "%.2f", a.baselineAverage())));
        table.getColumns().add(column("Insight /min", 100, a -> String.format(Locale.ROOT, "%.2f", a.insightAverage())));
        table.getColumns().add(column("Severity", 80, a -> String.format(Locale.ROOT, "×%.1f", a.severity())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Anomaly>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showEvents.accept(row.getItem());
                }
            });
            return row;
        });
        detail.setId("insights-detail");
        detail.setEditable(false);
        detail.getStyleClass().add("mono");
        detail.setPromptText("Select an anomaly to see what was measured; double-click it, or Show events, to see its events");
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, a) ->
                detail.setText(a == null ? "" : AnomalyText.detail(a)));
        show.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> showEvents.accept(table.getSelectionModel().getSelectedItem()));

        SplitPane body = new SplitPane(table, detail);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.6);
        VBox card = new VBox(8, header, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        card.getStyleClass().add("card");
        setCenter(card);
        describe.run();
    }

    public TableView<Anomaly> table() {
        return table;
    }

    private static String status(InsightsModel model) {
        if (model.runningProperty().get()) {
            return "detecting…";
        }
        if (model.failureProperty().get() != null) {
            return "Detection failed: " + ErrorMessages.describe(model.failureProperty().get());
        }
        InsightsResult r = model.resultProperty().get();
        if (r == null) {
            return "";
        }
        long aws = r.anomalies().stream().filter(a -> a.origin() == org.trailworkbench.insights.Origin.AWS_INSIGHTS).count();
        return String.format("%,d anomalies: %,d from AWS Insights, %,d detected locally (%,d ms)",
                r.anomalies().size(), aws, r.anomalies().size() - aws, r.tookMillis());
    }

    private static TableColumn<Anomaly, String> column(String title, double width, Function<Anomaly, String> get) {
        TableColumn<Anomaly, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(get.apply(cell.getValue())));
        return c;
    }
}

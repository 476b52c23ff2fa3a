package org.trailworkbench.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportProgress;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.FacetCount;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.task.Cancellation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The main window: query bar, facet counts, event table, the selected event's JSON and a status bar.
 * Every search and import runs in the background; only their results touch the scene.
 */
public final class MainWindow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String[]> COLUMNS = List.of(
            new String[]{"Time", "eventTime"}, new String[]{"Event", "eventName"}, new String[]{"Source", "eventSource"},
            new String[]{"Region", "awsRegion"}, new String[]{"Principal", "userIdentity.arn"},
            new String[]{"Source IP", "sourceIPAddress"}, new String[]{"Error", "errorCode"});

    private final Case openCase;
    private final BorderPane root = new BorderPane();
    private final TextField query = new TextField();
    private final Label queryError = new Label();
    private final TableView<Row> table = new TableView<>();
    private final TextArea detail = new TextArea();
    private final VBox facets = new VBox(8);
    private final Label status = new Label("Ready");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancelImport = new Button("Cancel");
    private final AtomicLong searchGeneration = new AtomicLong();
    private Cancellation importCancel;

    /** A table row: the hit and its JSON parsed once for the columns. */
    public record Row(EventHit hit, JsonNode node) {
        String value(String path) {
            JsonNode n = node;
            for (String part : path.split("\\.")) {
                n = n == null ? null : n.get(part);
            }
            return n == null || n.isNull() ? "" : n.isValueNode() ? n.asText() : n.toString();
        }
    }

    public MainWindow(Case openCase) {
        this.openCase = openCase;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        query.setId("query");
        query.setPromptText("Search: eventName:ConsoleLogin AND NOT _exists_:errorCode   (Enter to run)");
        query.setOnAction(e -> runSearch());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button run = new Button("Search");
        run.setDefaultButton(false);
        run.setOnAction(e -> runSearch());
        queryError.setId("query-error");
        queryError.getStyleClass().add("error");
        queryError.setManaged(false);
        VBox top = new VBox(4, new HBox(8, query, run), queryError);
        top.setPadding(new Insets(10));

        for (String[] column : COLUMNS) {
            TableColumn<Row, String> c = new TableColumn<>(column[0]);
            String path = column[1];
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value(path)));
            c.setPrefWidth(path.equals("userIdentity.arn") ? 320 : 140);
            table.getColumns().add(c);
        }
        table.setId("events");
        table.setPlaceholder(new Label("No events"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showDetail(row));

        detail.setId("detail");
        detail.setEditable(false);
        detail.getStyleClass().add("json");

        SplitPane center = new SplitPane(table, detail);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.62);

        facets.setId("facets");
        facets.setPadding(new Insets(0, 10, 10, 10));
        javafx.scene.control.ScrollPane facetScroll = new javafx.scene.control.ScrollPane(facets);
        facetScroll.setFitToWidth(true);
        facetScroll.setPrefWidth(280);

        SplitPane body = new SplitPane(facetScroll, center);
        body.setDividerPositions(0.22);

        status.setId("status");
        progress.setVisible(false);
        cancelImport.setVisible(false);
        cancelImport.setOnAction(e -> {
            if (importCancel != null) {
                importCancel.cancel();
            }
        });
        HBox bottom = new HBox(10, status, progress, cancelImport);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        bottom.getStyleClass().add("status-bar");

        root.setTop(top);
        root.setCenter(body);
        root.setBottom(bottom);
    }

    /** Runs the query in the background; a newer search makes older results stale, so they are dropped. */
    public void runSearch() {
        long generation = searchGeneration.incrementAndGet();
        String text = query.getText();
        SearchRequest request = SearchRequest.of(text).withFacets(8);
        FxTasks.run(() -> openCase.search().search(request), response -> {
            if (generation == searchGeneration.get()) {
                show(response);
            }
        }, error -> {
            if (generation == searchGeneration.get()) {
                showError(error);
            }
        });
    }

    private void show(SearchResponse response) {
        setQueryError(null);
        table.setItems(FXCollections.observableArrayList(response.hits().stream().map(MainWindow::row).toList()));
        facets.getChildren().clear();
        for (Map.Entry<String, List<FacetCount>> facet : response.facets().entrySet()) {
            if (facet.getValue().isEmpty()) {
                continue;
            }
            Label title = new Label(facet.getKey());
            title.getStyleClass().add("facet-title");
            ListView<String> values = new ListView<>(FXCollections.observableArrayList(
                    facet.getValue().stream().map(c -> c.value() + "  (" + c.count() + ")").toList()));
            values.setPrefHeight(Math.min(8, facet.getValue().size()) * 24 + 4);
            facets.getChildren().addAll(title, values);
        }
        status.setText(String.format("%,d hits · %d ms", response.total(), response.tookMillis()));
    }

    private static Row row(EventHit hit) {
        try {
            return new Row(hit, JSON.readTree(hit.json()));
        } catch (Exception e) {
            return new Row(hit, JSON.createObjectNode());
        }
    }

    private void showDetail(Row row) {
        if (row == null) {
            detail.clear();
            return;
        }
        try {
            detail.setText(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(row.node()));
        } catch (Exception e) {
            detail.setText(row.hit().json());
        }
    }

    private void showError(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        if (cause instanceof QuerySyntaxException syntax) {
            setQueryError(syntax.getMessage());
        } else {
            status.setText("Search failed: " + cause.getMessage());
        }
    }

    private void setQueryError(String message) {
        queryError.setText(message == null ? "" : message);
        queryError.setManaged(message != null);
        queryError.setVisible(message != null);
    }

    /** Imports a folder with progress in the status bar, then shows everything. */
    public void importFolder(Path folder) {
        importCancel = new Cancellation();
        progress.setVisible(true);
        cancelImport.setVisible(true);
        status.setText("Importing " + folder + " …");
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(ImportProgress p) {
                Platform.runLater(() -> {
                    progress.setProgress(p.fraction());
                    status.setText(String.format("Importing: %d of %d files, %,d events, %,.0f events/s",
                            p.filesDone(), p.filesTotal(), p.events(), p.eventsPerSecond()));
                });
            }
        };
        Cancellation cancel = importCancel;
        FxTasks.run(() -> openCase.importPath(folder, SourceFilter.ALL, listener, cancel), report -> {
            progress.setVisible(false);
            cancelImport.setVisible(false);
            status.setText(summary(report));
            runSearch();
        }, error -> {
            progress.setVisible(false);
            cancelImport.setVisible(false);
            status.setText("Import failed: " + error.getMessage());
        });
    }

    private static String summary(ImportReport report) {
        return String.format("Imported %,d events from %d files in %.1f s%s%s", report.eventsRead(),
                report.files().size(), report.elapsed().toMillis() / 1000.0,
                report.problems().isEmpty() ? "" : " · " + report.problems().size() + " files with problems",
                report.cancelled() ? " · cancelled" : "");
    }

    static String formatTime(long millis) {
        return millis == Long.MIN_VALUE ? "" : Instant.ofEpochMilli(millis).toString();
    }
}

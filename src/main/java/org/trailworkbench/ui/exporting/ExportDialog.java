package org.trailworkbench.ui.exporting;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trailworkbench.export.CsvExport;
import org.trailworkbench.export.ExportOptions;
import org.trailworkbench.export.ExportResult;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.ui.tasks.Running;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.errors.ErrorMessages;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV export of exactly what is on screen (query, filters, time range, order) with the table's columns,
 * in the background with progress and Cancel. Uses the same {@link CsvExport} as the command line, so the
 * file is byte for byte what {@code export} writes for the same selection.
 */
public final class ExportDialog {

    private final EventSearch source;
    private final SearchRequest request;
    private final Stage stage = new Stage();
    private final TextField file = new TextField();
    private final TextField columns = new TextField();
    private final CheckBox bom = new CheckBox("Byte order mark for Excel");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label status = new Label();
    private final Button export = new Button("Export");
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");
    private final TaskRunner tasks;
    private Running<ExportResult> running;

    /** How far the export is: rows written of the total. */
    private record Progress(long rows, long total) {
    }

    public ExportDialog(Window owner, TaskRunner tasks, EventSearch source, SearchRequest request, List<String> tableColumns, long hits,
                        Path suggestedFolder) {
        this.tasks = tasks;
        this.source = source;
        this.request = request;
        stage.initOwner(owner);
        stage.setTitle("Export CSV");
        Label heading = new Label(String.format("Export %,d %s selected by the current query, filters and time range",
                hits, hits == 1 ? "event" : "events"));
        heading.getStyleClass().add("dialog-heading");
        heading.setWrapText(true);
        Label query = new Label(request.query().isEmpty() ? "Query: (all events)" : "Query: " + request.query());
        query.getStyleClass().add("muted");

        file.setId("export-file");
        file.setText(suggestedFolder.resolve("events.csv").toString());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        columns.setId("export-columns");
        columns.setText(String.join(",", tableColumns));
        bom.setId("export-bom");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("File"), new HBox(6, file, browse));
        form.addRow(1, new Label("Columns"), columns);
        form.add(bom, 1, 2);
        GridPane.setHgrow(columns, Priority.ALWAYS);

        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("export-progress");
        bar.setVisible(false);
        status.setId("export-status");
        status.setWrapText(true);

        export.setId("export-start");
        export.setDefaultButton(true);
        export.setOnAction(e -> start());
        cancel.setId("export-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancelRunning());
        close.setId("export-close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            cancelRunning();
            stage.close();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, export, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, query, form, bar, status, buttons);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("dialog-root");
        root.setId("export-dialog");
        Scene scene = new Scene(root, 640, 300);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> cancelRunning());
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    public Stage stage() {
        return stage;
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export CSV to");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        Path current = Path.of(file.getText().isBlank() ? "events.csv" : file.getText()).toAbsolutePath();
        if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName().toString());
        var chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            file.setText(chosen.getPath());
        }
    }

    private void start() {
        ExportOptions options;
        try {
            List<String> cols = Arrays.stream(columns.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            options = ExportOptions.DEFAULTS.withColumns(cols).withUtf8Bom(bom.isSelected());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        if (file.getText().isBlank()) {
            status.setText("Choose a file to export to.");
            return;
        }
        Path target = Path.of(file.getText().strip());
        Consumer<Progress> progress = tasks.coalescing(p -> {
            bar.setProgress(p.total() == 0 ? 1 : (double) p.rows() / p.total());
            status.setText(String.format("%,d of %,d events written", p.rows(), p.total()));
        });
        export.setDisable(true);
        cancel.setDisable(false);
        bar.setVisible(true);
        bar.setProgress(0);
        status.setText("Exporting…");
        running = tasks.run(cancel -> new CsvExport(source).toFile(request, target, options,
                (rows, total) -> progress.accept(new Progress(rows, total)), cancel), this::finished, this::failed);
    }

    private void finished(ExportResult result) {
        cancel.setDisable(true);
        export.setDisable(false);
        if (result.cancelled()) {
            bar.setProgress(0);
            status.setText("Export cancelled; no file was written.");
            return;
        }
        bar.setProgress(1);
        status.setText(String.format("Exported %,d %s to %s in %.1f s.", result.rows(), result.rows() == 1 ? "event" : "events",
                result.file(), result.elapsed().toMillis() / 1000.0));
    }

    private void failed(Throwable error) {
        cancel.setDisable(true);
        export.setDisable(false);
        bar.setVisible(false);
        status.setText("The export failed: " + ErrorMessages.describe(error));
        status.getStyleClass().add("error-text");
    }
}

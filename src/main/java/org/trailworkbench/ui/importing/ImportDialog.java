package org.trailworkbench.ui.importing;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileOutcome;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportProgress;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.ui.tasks.Running;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.errors.ErrorMessages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An import in its own window, so the analyst can keep working: files, events, rate, time left and
 * problems so far while it runs, Cancel (what was finished is kept), then a summary that lists every
 * damaged or skipped file with the reason.
 */
public final class ImportDialog {

    /** A file the summary lists: what it is, what happened, why. */
    public record Problem(String file, String status, String reason) {
    }

    /** What the problem list shows when empty: "so far" while running, then the final word. */
    private final Label noProblems = new Label("No damaged or skipped files so far");
    private final Case target;
    private final List<Path> sources;
    private final Runnable onFinished;
    private final Stage stage = new Stage();
    private final Label heading = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label files = value("import-files");
    private final Label events = value("import-events");
    private final Label rate = value("import-rate");
    private final Label remaining = value("import-remaining");
    private final Label problemsSoFar = value("import-problems");
    private final Label summary = new Label();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");
    private final TaskRunner tasks;
    private Running<List<ImportReport>> running;

    public ImportDialog(Window owner, TaskRunner tasks, Case target, List<Path> sources, Runnable onFinished) {
        this.tasks = tasks;
        this.target = target;
        this.sources = List.copyOf(sources);
        this.onFinished = onFinished;
        stage.initOwner(owner);
        stage.setTitle("Import");
        heading.getStyleClass().add("dialog-heading");
        heading.setId("import-heading");
        heading.setText("Importing " + describe(sources) + " into " + target.dir().getFileName());
        heading.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("import-progress");

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.addRow(0, key("Files"), files, key("Rate"), rate);
        grid.addRow(1, key("Events"), events, key("Time left"), remaining);
        grid.addRow(2, key("Problems"), problemsSoFar);

        TableView<Problem> table = new TableView<>(problems);
        table.setId("import-problem-table");
        table.setPlaceholder(noProblems);
        table.getColumns().add(column("File", 330, Problem::file));
        table.getColumns().add(column("Outcome", 110, Problem::status));
        table.getColumns().add(column("Why", 330, Problem::reason));
        table.setPrefHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);

        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.setVisible(false);
        summary.setManaged(false);

        cancel.setId("import-cancel");
        cancel.setOnAction(e -> {
            running.cancel();
            cancel.setDisable(true);
            heading.setText("Cancelling: finishing the files in progress…");
        });
        close.setId("import-close");
        close.setDisable(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, heading, bar, grid, summary, new Label("Damaged or skipped files"), table, buttons);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("dialog-root");
        root.setId("import-dialog");
        Scene scene = new Scene(root, 820, 520);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (running != null) {
                running.cancel();
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    public void start() {
        stage.show();
        Consumer<ImportProgress> progress = tasks.coalescing(this::showProgress);
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(ImportProgress p) {
                progress.accept(p);
            }

            @Override
            public void fileFinished(FileOutcome outcome) {
                if (outcome.isProblem()) {
                    tasks.onFx(() -> problems.add(problem(outcome)));
                }
            }
        };
        running = tasks.run(cancellation -> {
            List<ImportReport> reports = new ArrayList<>();
            for (Path source : sources) {
                if (cancellation.isCancelled()) {
                    break;
                }
                reports.add(target.importPath(source, SourceFilter.ALL, listener, cancellation));
            }
            return reports;
        }, this::finished, this::failed);
    }

    private void showProgress(ImportProgress p) {
        bar.setProgress(p.fraction());
        files.setText(String.format("%,d of %,d", p.filesDone(), p.filesTotal()));
        events.setText(String.format("%,d", p.events()));
        rate.setText(String.format("%,.0f events/s", p.eventsPerSecond()));
        Duration left = p.remaining();
        remaining.setText(left == null ? "estimating…" : format(left));
        problemsSoFar.setText(String.valueOf(p.problems()));
    }

    private void finished(List<ImportReport> reports) {
        long read = 0;
        long added = 0;
        int fileCount = 0;
        long unchanged = 0;
        boolean cancelled = running.isCancelled();
        Duration elapsed = Duration.ZERO;
        problems.clear();
        for (ImportReport r : reports) {
            read += r.eventsRead();
            added += r.newEvents();
            fileCount += r.files().size();
            unchanged += r.unchanged();
            elapsed = elapsed.plus(r.elapsed());
            cancelled |= r.cancelled();
            r.problems().forEach(f -> problems.add(problem(f)));
            r.skipped().forEach(s -> problems.add(new Problem(s.path(), "skipped", s.reason())));
        }
        bar.setProgress(1);
        noProblems.setText("No damaged or skipped files");
        heading.setText(cancelled ? "Import cancelled: what was finished is kept" : "Import finished");
        summary.setText(String.format("%,d events read from %,d files (%,d new in the case, %,d files unchanged since an "
                        + "earlier import) in %s. %s", read, fileCount, added, unchanged, format(elapsed),
                problems.isEmpty() ? "Every file was read cleanly."
                        : problems.size() + (problems.size() == 1 ? " file was" : " files were")
                        + " damaged or skipped: see below."));
        summary.setVisible(true);
        summary.setManaged(true);
        files.setText(String.format("%,d", fileCount));
        events.setText(String.format("%,d", read));
        remaining.setText("done");
        problemsSoFar.setText(String.valueOf(problems.size()));
        cancel.setDisable(true);
        close.setDisable(false);
        onFinished.run();
    }

    private void failed(Throwable error) {
        heading.setText("The import stopped: " + ErrorMessages.describe(error));
        heading.getStyleClass().add("error-text");
        cancel.setDisable(true);
        close.setDisable(false);
        onFinished.run();
    }

    private static Problem problem(FileOutcome f) {
        return new Problem(f.record().id(), f.record().status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                f.record().reason() == null ? "" : f.record().reason());
    }

    private static String describe(List<Path> sources) {
        return sources.size() == 1 ? sources.get(0).toString() : sources.size() + " files and folders";
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label value(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("stat-value");
        return l;
    }

    private static TableColumn<Problem, String> column(String title, double width,
                                                      java.util.function.Function<Problem, String> get) {
        TableColumn<Problem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(get.apply(cell.getValue())));
        return c;
    }
}

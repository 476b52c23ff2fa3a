package org.trailworkbench.ui.s3;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileOutcome;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportProgress;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.s3.AwsProfiles;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.DownloadListener;
import org.trailworkbench.s3.DownloadReport;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Selection;
import org.trailworkbench.ui.tasks.Running;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.errors.ErrorMessages;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * "Import from S3": where the trail is (profile, region, endpoint, bucket, prefix), which part of it
 * (accounts, regions, days, kinds of file), whether to keep an evidence copy on disk; then progress,
 * Cancel (what was finished is kept), and the summary, with the S3 package's own words for credential
 * and access errors.
 */
public final class S3ImportDialog {

    /** What the problem list shows when empty: "so far" while running, then the final word. */
    private final Label noProblems = new Label("No problems so far");
    private final Stage stage = new Stage();
    private final Case target;
    private final Runnable onFinished;
    private final ComboBox<String> profile = new ComboBox<>();
    private final TextField region = field("s3-region", "from the profile (the bucket's own is found)");
    private final TextField endpoint = field("s3-endpoint", "AWS (or an S3-compatible URL)");
    private final CheckBox pathStyle = new CheckBox("path-style requests");
    private final TextField bucket = field("s3-bucket", "my-trail-bucket");
    private final TextField prefix = field("s3-prefix", "the trail's prefix, if any");
    private final TextField accounts = field("s3-accounts", "all (or 111122223333, 444455556666)");
    private final TextField regions = field("s3-regions", "all (or us-east-1, eu-west-1)");
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final CheckBox logs = new CheckBox("log files");
    private final CheckBox digests = new CheckBox("digests");
    private final CheckBox insights = new CheckBox("Insights files");
    private final CheckBox keepCopy = new CheckBox("Keep an evidence copy in");
    private final TextField copyFolder = field("s3-copy-folder", "a folder for the copy");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label status = new Label();
    private final Label error = new Label();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final Button start = new Button("Import");
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");
    private final TaskRunner tasks;
    private Running<S3ImportJob.Result> running;

    public S3ImportDialog(Window owner, TaskRunner tasks, Case target, Runnable onFinished) {
        this.tasks = tasks;
        this.target = target;
        this.onFinished = onFinished;
        stage.initOwner(owner);
        stage.setTitle("Import from S3");
        profile.setId("s3-profile");
        profile.setEditable(true);
        profile.setPromptText("the SDK's default chain");
        profile.getItems().setAll(AwsProfiles.names());
        profile.setMaxWidth(Double.MAX_VALUE);
        pathStyle.setId("s3-path-style");
        endpoint.textProperty().addListener((obs, o, n) -> pathStyle.setSelected(n != null && !n.isBlank()));
        from.setId("s3-from");
        to.setId("s3-to");
        from.setPromptText("first day (UTC)");
        to.setPromptText("last day (UTC)");
        for (CheckBox kind : new CheckBox[]{logs, digests, insights}) {
            kind.setSelected(true);
        }
        logs.setId("s3-kind-logs");
        digests.setId("s3-kind-digests");
        insights.setId("s3-kind-insights");
        keepCopy.setId("s3-keep-copy");
        copyFolder.disableProperty().bind(keepCopy.selectedProperty().not());
        Button browse = new Button("…");
        browse.disableProperty().bind(keepCopy.selectedProperty().not());
        browse.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(stage);
            if (dir != null) {
                copyFolder.setText(dir.getPath());
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, key("Profile"), profile, key("AWS region"), region);
        form.addRow(row++, key("Endpoint"), endpoint, new Label(), pathStyle);
        form.addRow(row++, key("Bucket"), bucket, key("Prefix"), prefix);
        form.addRow(row++, key("Accounts"), accounts, key("Regions"), regions);
        form.addRow(row++, key("From"), from, key("To"), to);
        form.addRow(row++, key("Fetch"), new HBox(12, logs, digests, insights));
        HBox copy = new HBox(6, copyFolder, browse);
        HBox.setHgrow(copyFolder, Priority.ALWAYS);
        form.add(keepCopy, 0, row, 2, 1);
        form.add(copy, 2, row, 2, 1);
        for (javafx.scene.Node n : form.getChildren()) {
            GridPane.setHgrow(n, Priority.SOMETIMES);
        }

        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("s3-progress");
        status.setId("s3-status");
        status.setWrapText(true);
        error.setId("s3-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        ListView<String> problemList = new ListView<>(problems);
        problemList.setId("s3-problems");
        problemList.setPlaceholder(noProblems);
        problemList.setPrefHeight(120);
        VBox.setVgrow(problemList, Priority.ALWAYS);

        start.setId("s3-import");
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        cancel.setId("s3-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            cancelRunning();
            cancel.setDisable(true);
            status.setText("Cancelling: finishing the objects in progress…");
        });
        close.setId("s3-close");
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, start, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label heading = new Label("Import a trail from S3 into " + target.dir().getFileName());
        heading.getStyleClass().add("dialog-heading");
        VBox root = new VBox(10, heading, form, bar, status, error, new Label("Problems"), problemList, buttons);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("dialog-root");
        root.setId("s3-dialog");
        Scene scene = new Scene(root, 820, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> cancelRunning());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    /** The job the form describes; an {@link IllegalArgumentException} says in words what to fix. */
    S3ImportJob job() {
        if (bucket.getText().isBlank()) {
            throw new IllegalArgumentException("Give the bucket that holds the trail.");
        }
        S3Location location = new S3Location(bucket.getText().strip(), prefix.getText().strip().replaceFirst("^/+", ""));
        AwsSettings settings = AwsSettings.defaults().withProfile(profile.getEditor().getText())
                .withRegion(region.getText().strip());
        if (!endpoint.getText().isBlank()) {
            URI uri;
            try {
                uri = URI.create(endpoint.getText().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The endpoint '" + endpoint.getText().strip() + "' is not a URL.");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("The endpoint needs a scheme and a host, such as https://s3.example.com.");
            }
            settings = settings.withEndpoint(uri, pathStyle.isSelected());
        }
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        if (logs.isSelected()) {
            kinds.add(FileKind.EVENTS);
        }
        if (digests.isSelected()) {
            kinds.add(FileKind.DIGEST);
        }
        if (insights.isSelected()) {
            kinds.add(FileKind.INSIGHTS);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one kind of file to fetch.");
        }
        SourceFilter filter = new SourceFilter(list(accounts), list(regions), from.getValue(), to.getValue());
        Path copy = null;
        if (keepCopy.isSelected()) {
            if (copyFolder.getText().isBlank()) {
                throw new IllegalArgumentException("Choose the folder for the evidence copy, or untick \"Keep an evidence copy\".");
            }
            copy = Path.of(copyFolder.getText().strip());
        }
        return new S3ImportJob(settings, location, new S3Selection(filter, Set.of(), kinds.size() == 3 ? Set.of() : kinds), copy);
    }

    private static Set<String> list(TextField field) {
        return Arrays.stream(field.getText().split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private void start() {
        S3ImportJob job;
        try {
            job = job();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        error.setText("");
        problems.clear();
        start.setDisable(true);
        cancel.setDisable(false);
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        status.setText("Listing " + job.location() + "…");
        Consumer<Runnable> latest = tasks.coalescing(Runnable::run); // the newest progress line wins
        ImportListener importing = new ImportListener() {
            @Override
            public void progress(ImportProgress p) {
                latest.accept(() -> {
                    bar.setProgress(p.fraction());
                    status.setText(String.format("Importing: %,d of %,d files, %,d events", p.filesDone(), p.filesTotal(),
                            p.events()));
                });
            }

            @Override
            public void fileFinished(FileOutcome outcome) {
                if (outcome.isProblem()) {
                    tasks.onFx(() -> problems.add(outcome.record().id() + ": " + outcome.record().reason()));
                }
            }
        };
        DownloadListener downloading = new DownloadListener() {
            @Override
            public void listed(long objects) {
                latest.accept(() -> status.setText(String.format("Listing: %,d objects so far", objects)));
            }

            @Override
            public void progress(int done, int total, long bytes) {
                latest.accept(() -> {
                    bar.setProgress(total == 0 ? 0 : (double) done / total);
                    status.setText(String.format("Downloading the evidence copy: %,d of %,d objects, %,d KB", done, total, bytes >> 10));
                });
            }
        };
        running = tasks.run(stop -> job.run(target, importing, downloading,
                        n -> latest.accept(() -> status.setText(String.format("Listing: %,d objects so far", n))), stop),
                this::finished, this::failed);
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    private void finished(S3ImportJob.Result result) {
        ImportReport r = result.imported();
        DownloadReport d = result.downloaded();
        StringBuilder text = new StringBuilder();
        boolean cancelled = running.isCancelled() || (r != null && r.cancelled()) || (d != null && d.cancelled());
        if (d != null) {
            text.append(String.format("Evidence copy in %s: %,d objects downloaded, %,d already there%s. ", d.folder(),
                    d.downloaded(), d.present(), d.publicKeys() >= 0 ? ", public keys saved" : ""));
            d.problems().forEach(p -> problems.add(p.uri() + ": " + p.reason()));
            if (d.keysProblem() != null) {
                problems.add("public-keys.json: " + d.keysProblem());
            }
        }
        if (r != null) {
            text.append(String.format("%,d events read from %,d files (%,d new in the case, %,d files unchanged since an earlier import).",
                    r.eventsRead(), r.files().size(), r.newEvents(), r.unchanged()));
            r.skipped().forEach(s -> problems.add(s.path() + ": " + s.reason()));
        }
        if (cancelled) {
            text.insert(0, "Cancelled: what was finished is kept. ");
        } else if (r != null && r.files().isEmpty() && r.skipped().isEmpty()) {
            text.append(" Nothing matched: check the prefix, accounts, regions and days.");
        }
        status.setText(text.toString().strip());
        noProblems.setText("No problems");
        bar.setProgress(1);
        done();
    }

    private void failed(Throwable e) {
        error.setText(ErrorMessages.describe(e));
        status.setText(running.isCancelled() ? "Cancelled." : "The import did not run.");
        bar.setProgress(0);
        done();
    }

    private void done() {
        start.setDisable(false);
        cancel.setDisable(true);
        onFinished.run();
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}

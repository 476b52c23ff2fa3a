package org.trailworkbench.ui.integrity;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.files.AtomicFiles;
import org.trailworkbench.integrity.HtmlReport;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.JsonReport;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationItem;
import org.trailworkbench.integrity.VerificationProgress;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.s3.AwsProfiles;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.ui.errors.ErrorDialog;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.theme.Icons;

import java.io.BufferedWriter;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The "Verify integrity" view: choose an evidence folder (or one the case was imported from) or a bucket,
 * watch every digest and log file go from pending to its verdict, read the summary, filter by verdict,
 * export the JSON and HTML reports, see the hours covered per account and region, and jump from a log
 * file to its events in the Explore view.
 */
public final class IntegrityView extends BorderPane {

    private final IntegrityModel model;
    private final TaskRunner tasks;
    private final ReadOnlyObjectProperty<Case> openCase;
    private final Consumer<SearchRequest> showEvents;
    private final ComboBox<String> source = new ComboBox<>();
    private final ComboBox<String> profile = new ComboBox<>();
    private final ComboBox<VerdictFilter> filter = new ComboBox<>();
    private final TreeTableView<ItemTree.Row> tree = new TreeTableView<>();
    private final CoverageCanvas coverage = new CoverageCanvas();
    private final Label coverageTotals = new Label();
    private final Label headline = new Label("Choose an evidence folder or an s3:// location, then Verify.");
    private final VBox where = new VBox(2);
    private final Label status = new Label();
    private final Label detail = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Set<String> expanded = new HashSet<>();
    private ItemTree items = new ItemTree(expanded);

    /**
     * @param openCase   the case in the window: its import sources are offered, and its events shown
     * @param showEvents shows a search in the Explore view (and brings it to the front)
     */
    public IntegrityView(ReadOnlyObjectProperty<Case> openCase, TaskRunner tasks, Icons icons,
                         Consumer<SearchRequest> showEvents) {
        this.model = new IntegrityModel(tasks);
        this.tasks = tasks;
        this.openCase = openCase;
        this.showEvents = showEvents;
        getStyleClass().add("integrity-view");
        setId("integrity-view");

        source.setId("integrity-source");
        source.setEditable(true);
        source.setPromptText("/path/to/evidence or s3://bucket/prefix");
        source.setTooltip(new Tooltip("An evidence folder in the S3 layout (with its .metadata.json sidecars and"
                + " public-keys.json), a folder this case was imported from, or s3://bucket/prefix"));
        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        source.setOnShowing(e -> offerCaseSources());
        Button browse = new Button("Folder…", icons.view("folder"));
        browse.setId("integrity-browse");
        browse.setOnAction(e -> browse());
        profile.setId("integrity-profile");
        profile.setEditable(true);
        profile.setPromptText("AWS profile (s3:// only)");
        profile.setOnShowing(e -> profile.getItems().setAll(AwsProfiles.names()));
        Button verify = new Button("Verify", icons.view("check"));
        verify.setId("integrity-verify");
        verify.setDefaultButton(true);
        verify.disableProperty().bind(model.runningProperty());
        verify.setOnAction(e -> start());
        Button cancel = new Button("Cancel", icons.view("stop"));
        cancel.setId("integrity-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox top = new HBox(8, new Label("Evidence"), source, browse, profile, verify, cancel);
        top.setAlignment(Pos.CENTER_LEFT);

        bar.setId("integrity-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        status.setId("integrity-status");
        status.getStyleClass().add("muted");
        headline.setId("integrity-headline");
        headline.getStyleClass().add("card-title");
        headline.setWrapText(true);
        where.setId("integrity-where");
        VBox summary = new VBox(6, headline, where, bar, status);
        summary.getStyleClass().add("card");

        filter.setId("integrity-filter");
        filter.getItems().setAll(VerdictFilter.ALL, VerdictFilter.PROBLEMS);
        filter.setValue(VerdictFilter.ALL);
        filter.setOnAction(e -> rebuild());
        Button events = new Button("Show its events", icons.view("search"));
        events.setId("integrity-show-events");
        events.setTooltip(new Tooltip("Show the events of the selected log file in Explore"));
        events.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        events.setOnAction(e -> showSelectedEvents());
        Button json = new Button("JSON report…", icons.view("export"));
        json.setId("integrity-export-json");
        json.disableProperty().bind(model.reportProperty().isNull());
        json.setOnAction(e -> export(false));
        Button html = new Button("HTML report…", icons.view("export"));
        html.setId("integrity-export-html");
        html.disableProperty().bind(model.reportProperty().isNull());
        html.setOnAction(e -> export(true));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label filterLabel = new Label("Show");
        HBox tools = new HBox(8, filterLabel, filter, spacer, events, json, html);
        tools.setAlignment(Pos.CENTER_LEFT);

        setUpTree();
        tree.setRoot(items.root());
        detail.setId("integrity-detail");
        detail.setWrapText(true);
        detail.getStyleClass().add("muted");
        VBox files = new VBox(6, tools, tree, detail);
        VBox.setVgrow(tree, Priority.ALWAYS);
        files.getStyleClass().add("card");
        Label coverageTitle = new Label("Coverage per account and region (UTC hours)");
        coverageTitle.getStyleClass().add("card-title");
        coverageTotals.setId("integrity-coverage-totals");
        coverageTotals.getStyleClass().add("muted");
        VBox coverageCard = new VBox(6, new HBox(12, coverageTitle, coverageTotals), coverage, legend());
        coverageCard.getStyleClass().add("card");
        SplitPane body = new SplitPane(files, coverageCard);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.7);

        VBox header = new VBox(10, top, summary);
        header.getStyleClass().add("explore-header");
        setTop(header);
        setCenter(body);

        model.batchProperty().addListener((obs, o, batch) -> apply(batch));
        model.reportProperty().addListener((obs, o, r) -> finished(r));
        model.failureProperty().addListener((obs, o, error) -> {
            if (error != null) {
                headline.setText("The verification could not run: "
                        + org.trailworkbench.ui.errors.ErrorMessages.describe(error));
                paint(false);
                status.setText("");
            }
        });
    }

    /** Starts verifying what the source box says (also what a menu item or a test calls). */
    public void verify(String where) {
        source.setValue(where);
        start();
    }

    public void cancel() {
        model.cancel();
    }

    public TreeTableView<ItemTree.Row> tree() {
        return tree;
    }

    public ReadOnlyObjectProperty<VerificationReport> reportProperty() {
        return model.reportProperty();
    }

    /** Offers the folders the open case was imported from, so verifying "the evidence of this case" is a pick. */
    private void offerCaseSources() {
        Case c = openCase.get();
        if (c == null) {
            return;
        }
        tasks.run(cancel -> {
            Set<String> sources = new LinkedHashSet<>();
            c.manifest().files().forEach(f -> {
                if (f.source() != null && (S3Location.isS3(f.source()) || Files.isDirectory(Path.of(f.source())))) {
                    sources.add(f.source());
                }
            });
            return List.copyOf(sources);
        }, list -> {
            String typed = source.getEditor().getText();
            source.getItems().setAll(list);
            source.getEditor().setText(typed);
        }, TaskRunner.logged("listing the folders the case was imported from")); // the box still takes a typed path
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose an evidence folder");
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            source.setValue(dir.getPath());
        }
    }

    private void start() {
        String where = source.getEditor().getText() == null || source.getEditor().getText().isBlank()
                ? source.getValue() : source.getEditor().getText();
        if (where == null || where.isBlank()) {
            headline.setText("Choose an evidence folder or type s3://bucket/prefix first.");
            return;
        }
        AwsSettings aws = AwsSettings.defaults().withProfile(profile.getEditor().getText());
        expanded.clear();
        filter.setValue(VerdictFilter.ALL);
        headline.setText("Verifying " + where.strip() + "…");
        headline.getStyleClass().removeAll("integrity-ok", "integrity-failed");
        headline.setStyle("");
        this.where.getChildren().clear();
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        items = new ItemTree(expanded);
        tree.setRoot(items.root());
        showCoverage(Coverage.of(List.of()));
        model.start(where.strip(), aws);
    }

    // ---- the tree

    private void setUpTree() {
        tree.setId("integrity-tree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label("No files yet"));
        TreeTableColumn<ItemTree.Row, String> name = column("Account · region / day / file", 420, ItemTree.Row::name);
        TreeTableColumn<ItemTree.Row, String> state = column("State", 300, ItemTree.Row::state);
        state.setCellFactory(c -> new StateCell());
        TreeTableColumn<ItemTree.Row, String> reason = column("Why", 420, ItemTree.Row::reason);
        tree.getColumns().setAll(List.of(name, state, reason));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, o, item) -> showDetail(item));
    }

    private static TreeTableColumn<ItemTree.Row, String> column(String title, double width,
                                                                java.util.function.Function<ItemTree.Row, String> get) {
        TreeTableColumn<ItemTree.Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : get.apply(cell.getValue().getValue())));
        return c;
    }

    /** The state in the colour of its verdict: green valid, red invalid, orange not checked. */
    private static final class StateCell extends TreeTableCell<ItemTree.Row, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            ItemTree.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : text);
            setTextFill(row == null || row.verdict() == null ? null : colour(row.verdict()));
        }
    }

    static Color colour(Verdict v) {
        return switch (v.category()) {
            case VALID -> CoverageCanvas.COLOURS.get(Coverage.Hour.VALID);
            case INVALID -> CoverageCanvas.COLOURS.get(Coverage.Hour.FAILED);
            case UNVERIFIED -> CoverageCanvas.COLOURS.get(Coverage.Hour.UNCHECKED);
            case PENDING, NOTICE -> Color.web("#7d8896");
        };
    }

    /** One batch of the engine's news: rows added and settled in place, the grid redrawn once. */
    private void apply(IntegrityModel.Batch batch) {
        if (batch == null) { // a new run: start() cleared the view
            return;
        }
        boolean filterChanged = offerFilters(batch.verdicts());
        if (filterChanged || !VerdictFilter.ALL.label().equals(filter.getValue().label())) {
            rebuild(); // a filter shows few rows, and which ones changes with the verdicts
        } else {
            items.add(batch.added());
            if (items.settle(batch.settled())) {
                tree.refresh(); // the visible lines only, once for the whole batch
            }
        }
        if (batch.coverage() != null) {
            showCoverage(batch.coverage());
        }
        showProgress(batch.progress());
    }

    /** The filter's choices for the verdicts present; true when the chosen one had to change. */
    private boolean offerFilters(Set<Verdict> present) {
        String chosen = filter.getValue() == null ? VerdictFilter.ALL.label() : filter.getValue().label();
        List<VerdictFilter> choices = VerdictFilter.choices(present);
        if (choices.stream().map(VerdictFilter::label).toList().equals(filter.getItems().stream().map(VerdictFilter::label).toList())) {
            return false;
        }
        filter.setOnAction(null);
        filter.getItems().setAll(choices);
        VerdictFilter next = choices.stream().filter(f -> f.label().equals(chosen)).findFirst().orElse(VerdictFilter.ALL);
        filter.setValue(next);
        filter.setOnAction(e -> rebuild());
        return !next.label().equals(chosen);
    }

    /** The tree afresh for the chosen filter, keeping the selection. */
    private void rebuild() {
        String selected = tree.getSelectionModel().getSelectedItem() == null ? null
                : tree.getSelectionModel().getSelectedItem().getValue().path();
        VerdictFilter shown = filter.getValue() == null ? VerdictFilter.ALL : filter.getValue();
        items = ItemTree.of(model.items(), shown.test(), expanded);
        tree.setRoot(items.root());
        if (selected != null) {
            reselect(tree.getRoot(), selected);
        }
    }

    private void showCoverage(Coverage c) {
        coverage.show(c);
        coverageTotals.setText(c.hours() == 0 ? "" : String.format("%,d hours covered, %,d failed, %,d could not be checked, %,d without a digest",
                c.total(Coverage.Hour.VALID), c.total(Coverage.Hour.FAILED), c.total(Coverage.Hour.UNCHECKED),
                c.total(Coverage.Hour.EMPTY)));
    }

    private boolean reselect(TreeItem<ItemTree.Row> node, String path) {
        for (TreeItem<ItemTree.Row> child : node.getChildren()) {
            if (child.getValue().path().equals(path)) {
                tree.getSelectionModel().select(child);
                return true;
            }
            if (path.startsWith(child.getValue().path()) && reselect(child, path)) {
                return true;
            }
        }
        return false;
    }

    /** Opens the groups down to every file the current filter shows: after "Problems only", see them at once. */
    public void expandAll() {
        expandAll(tree.getRoot());
    }

    private void expandAll(TreeItem<ItemTree.Row> node) {
        if (node == null) {
            return;
        }
        if (!node.isLeaf()) {
            node.setExpanded(true);
            node.getChildren().forEach(this::expandAll);
        }
    }

    private void showDetail(TreeItem<ItemTree.Row> item) {
        if (item == null || item.getValue().isGroup()) {
            detail.setText(item == null ? "" : item.getValue().name() + ": " + item.getValue().state()
                    + " (" + item.getValue().reason() + ")");
            return;
        }
        VerificationItem i = item.getValue().item();
        StringBuilder text = new StringBuilder(i.location());
        text.append("\n").append(i.kind().label()).append(": ").append(i.verdict().words());
        if (i.reason() != null) {
            text.append(" — ").append(i.reason());
        }
        if (i.coveringDigest() != null) {
            text.append("\nListed in ").append(i.coveringDigest());
        }
        if (i.fileSha256() != null) {
            text.append("\nSHA-256 of the file ").append(i.fileSha256());
        }
        detail.setText(text.toString());
    }

    // ---- progress and the end

    private void showProgress(VerificationProgress p) {
        if (p == null) {
            return;
        }
        bar.setProgress(p.filesTotal() == 0 ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
        status.setText(String.format("%s: %,d of %,d files, %,d of %,d MB", p.step(), p.filesDone(), p.filesTotal(),
                p.bytesDone() >> 20, p.bytesTotal() >> 20));
    }

    private void finished(VerificationReport r) {
        if (r == null) {
            return;
        }
        Summary s = Summary.of(r);
        headline.setText(s.headline());
        paint(s.ok());
        where.getChildren().clear();
        for (String line : s.where()) {
            Label l = new Label(line);
            l.getStyleClass().add("integrity-where-line");
            where.getChildren().add(l);
        }
        bar.setProgress(1);
        status.setText(String.format("%s in %.1f s. Public keys used: %s", r.source(), r.elapsed().toMillis() / 1000.0,
                r.fingerprints().isEmpty() ? "none" : String.join(", ", r.fingerprints())));
        if (!s.ok() && !r.failures().isEmpty()) {
            filter.setValue(filter.getItems().stream().filter(f -> f.label().equals(VerdictFilter.PROBLEMS.label()))
                    .findFirst().orElse(VerdictFilter.PROBLEMS));
            rebuild();
            expandAll();
        }
    }

    private void paint(boolean ok) {
        headline.setStyle(ok ? "-fx-text-fill: #3fa34d;" : "-fx-text-fill: #d9534f;");
        headline.getStyleClass().removeAll("integrity-ok", "integrity-failed");
        headline.getStyleClass().add(ok ? "integrity-ok" : "integrity-failed");
    }

    private HBox legend() {
        HBox legend = new HBox(12);
        legend.getStyleClass().add("legend");
        for (Coverage.Hour h : List.of(Coverage.Hour.VALID, Coverage.Hour.FAILED, Coverage.Hour.UNCHECKED,
                Coverage.Hour.EMPTY, Coverage.Hour.PENDING)) {
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(10, 10, CoverageCanvas.COLOURS.get(h));
            Label item = new Label(h.words(), swatch);
            item.getStyleClass().add("legend-item");
            legend.getChildren().add(item);
        }
        return legend;
    }

    // ---- export and events

    private void export(boolean html) {
        VerificationReport r = model.reportProperty().get();
        if (r == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(html ? "Save the HTML report" : "Save the JSON report");
        chooser.setInitialFileName(html ? "integrity.html" : "integrity.json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath(), html);
        }
    }

    /** Writes a report in the background, beside the target first so a failure never leaves half a file. */
    public java.util.concurrent.CompletableFuture<Path> exportTo(Path target, boolean html) {
        VerificationReport r = model.reportProperty().get();
        return tasks.run(cancel -> {
            Path absolute = target.toAbsolutePath();
            AtomicFiles.write(absolute, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                if (html) {
                    HtmlReport.write(r, w);
                } else {
                    JsonReport.write(r, w);
                }
                w.flush();
            });
            return absolute;
        }, saved -> status.setText("Report written to " + saved),
                error -> ErrorDialog.show(getScene().getWindow(), "The report could not be written to " + target, error))
                .finished();
    }

    private void showSelectedEvents() {
        TreeItem<ItemTree.Row> selected = tree.getSelectionModel().getSelectedItem();
        Case c = openCase.get();
        if (selected == null || selected.getValue().isGroup()) {
            return;
        }
        VerificationItem item = selected.getValue().item();
        if (item.kind() != ItemKind.LOG) {
            info("Only log files hold events; a " + item.kind().label().toLowerCase() + " has none to show.");
            return;
        }
        if (c == null) {
            info("Open a case first: the events are shown from the case the file was imported into.");
            return;
        }
        tasks.run(cancel -> CaseFiles.idOf(c, item), id -> {
            if (id == null) {
                info("This file is not in the open case (" + c.dir().getFileName() + "). Import "
                        + model.sourceProperty().get() + " into it first to see its events.");
            } else {
                showEvents.accept(CaseFiles.eventsOf(id));
            }
        }, error -> ErrorDialog.show(getScene().getWindow(), "The case's file list could not be read", error));
    }

    private void info(String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.initOwner(getScene().getWindow());
        alert.setHeaderText(null);
        alert.show();
    }
}

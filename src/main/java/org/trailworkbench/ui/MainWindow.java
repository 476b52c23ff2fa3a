package org.trailworkbench.ui;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.index.Fields;
import org.trailworkbench.logging.Logs;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.index.DamagedIndexException;
import org.trailworkbench.ui.cases.DamagedCaseDialog;
import org.trailworkbench.ui.cases.RecentCases;
import org.trailworkbench.ui.cases.RemoteCaseDialog;
import org.trailworkbench.ui.errors.ErrorDialog;
import org.trailworkbench.ui.errors.ErrorMessages;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.explore.ExploreView;
import org.trailworkbench.ui.exporting.ExportDialog;
import org.trailworkbench.ui.importing.ImportDialog;
import org.trailworkbench.ui.query.QueryHistory;
import org.trailworkbench.ui.settings.Settings;
import org.trailworkbench.ui.tasks.TaskRunner;
import org.trailworkbench.ui.status.StatusBar;
import org.trailworkbench.ui.theme.Icons;
import org.trailworkbench.ui.theme.Theme;
import org.trailworkbench.ui.time.TimeDisplay;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The main window and the composition root of the UI: the menus, the tabs (Explore now; integrity,
 * Insights and S3 views join as tabs), the status bar, cases, import and export, and what is remembered
 * between runs.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final Stage stage;
    private final Settings settings;
    private final WindowPlacement placement;
    private final RecentCases recent;
    private final Icons icons = new Icons();
    private final TimeDisplay time = new TimeDisplay(ZoneId.systemDefault());
    private final ExploreModel model = new ExploreModel();
    private final ObservableList<String> fieldPaths = FXCollections.observableArrayList(Fields.WELL_KNOWN);
    private final QueryHistory history;
    private final ExploreView explore;
    private final StatusBar status;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Recent cases");
    private final org.trailworkbench.ui.insights.InsightsModel insights;
    private final javafx.beans.property.ObjectProperty<org.trailworkbench.insights.InsightsSource> insightsSource =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final Scene scene;
    private final TaskRunner tasks;
    private final Consumer<Path> showFolder;
    private Theme theme;
    /** The case on screen, local or remote, which the window closes when another replaces it. */
    private Closeable shown;

    /** A window for tests: background work on its own threads, "Show log folder" shows the path. */
    public MainWindow(Stage stage, Settings settings) {
        this(stage, settings, TaskRunner.forWindow(), null);
    }

    /**
     * @param tasks      where the window's slow work runs
     * @param showFolder opens a folder in the desktop's file manager; null to show its path in a dialog
     */
    public MainWindow(Stage stage, Settings settings, TaskRunner tasks, Consumer<Path> showFolder) {
        org.trailworkbench.index.ReadThreads.forbid(Thread.currentThread()); // built on the FX thread
        this.stage = stage;
        this.settings = settings;
        this.tasks = tasks;
        this.showFolder = showFolder;
        this.recent = new RecentCases(settings);
        this.history = new QueryHistory(settings.getList("query.history"));
        time.utcProperty().set(!"LOCAL".equals(settings.get("time.zone", "UTC")));
        String split = settings.get("timeline.split", null);
        if (split != null && Fields.isFacet(split)) {
            model.setSplitBy(split);
        }
        List<String> columns = settings.getList("table.columns");
        explore = new ExploreView(model, time, icons, history, fieldPaths,
                columns.isEmpty() ? List.of("eventTime", "eventName", "eventSource", "userIdentity.arn", "sourceIPAddress",
                        "awsRegion", "errorCode") : columns, this::exportCsv);
        status = new StatusBar(model);

        Tab exploreTab = new Tab("Explore", explore);
        exploreTab.setClosable(false);
        exploreTab.setGraphic(icons.view("search"));
        tabs.getTabs().add(exploreTab);
        // the integrity, Insights and S3 views (ui/integrity, ui/insights, ui/s3)
        // a local case's index or a remote case's cluster: Insights reads either (showRemote sets the latter)
        model.caseProperty().addListener((obs, old, c) ->
                insightsSource.set(c == null ? null : new org.trailworkbench.insights.LocalInsightsSource(c.index())));
        insights = new org.trailworkbench.ui.insights.InsightsModel(insightsSource, tasks);
        var bands = new org.trailworkbench.ui.insights.InsightBands(explore.timeline().canvas(), insights,
                a -> showInExplore(a.eventsRequest()));
        explore.timeline().addKey(bands.legend());
        tabs.getTabs().addAll(view("verify", "Verify integrity", new org.trailworkbench.ui.integrity.IntegrityView(model.caseProperty(), tasks, icons, this::showInExplore), "check"),
                view("insights", "Insights", new org.trailworkbench.ui.insights.InsightsPanel(insights, time, icons, a -> showInExplore(a.eventsRequest())), "warning"));
        // verification reads the case's files, which a remote case does not have
        Tab verifyView = tabs.getTabs().get(1);
        verifyView.disableProperty().bind(remoteShown());
        verifyView.setTooltip(new javafx.scene.control.Tooltip("Needs a local case (a case folder)"));
        tabs.setId("views");
        tabs.getStyleClass().add("views");

        BorderPane root = new BorderPane();
        root.getStyleClass().add("workbench");
        root.setTop(menus());
        root.setCenter(tabs);
        root.setBottom(status);
        placement = new WindowPlacement(settings);
        scene = new Scene(root, placement.sceneWidth(), placement.sceneHeight());
        theme = Theme.parse(settings.get("theme", "LIGHT"));
        theme.apply(scene, icons);
        acceptDrops();
        scene.getAccelerators().put(Shortcuts.FOCUS_QUERY_ALT, () -> explore.queryBar().focus());
        // before the table sees them: a focused table would take Ctrl+Up/Down to move its focus only
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Shortcuts.NEXT_EVENT.match(e)) {
                explore.table().step(1);
                e.consume();
            } else if (Shortcuts.PREVIOUS_EVENT.match(e)) {
                explore.table().step(-1);
                e.consume();
            }
        });
        stage.setScene(scene);
        placement.place(stage);
        model.failureProperty().addListener((obs, old, error) -> {
            if (error != null) {
                ErrorDialog.show(stage, "The search failed", error);
                model.failureProperty().set(null);
            }
        });
        explore.table().columnPaths().addListener((javafx.collections.ListChangeListener<String>) c -> {
            settings.putList("table.columns", List.copyOf(explore.table().columnPaths()));
            saveSoon();
        });
        model.splitByProperty().addListener((obs, o, s) -> {
            settings.put("timeline.split", s);
            saveSoon();
        });
        model.queryProperty().addListener((obs, o, q) -> settings.putList("query.history", history.entries()));
        time.utcProperty().addListener((obs, o, utc) -> {
            settings.put("time.zone", utc ? "UTC" : "LOCAL");
            saveSoon();
        });
        stage.setOnHidden(e -> shutdown());
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> title(), model.caseNameProperty()));
        refreshRecentMenu();
    }

    /** A local case by its folder's name, a remote one by its URL (which never holds the password). */
    private String title() {
        Case c = model.caseProperty().get();
        String name = c != null ? c.dir().getFileName().toString() : model.caseNameProperty().get();
        return name == null ? "Trail Workbench" : "Trail Workbench — " + name;
    }

    public ExploreModel model() {
        return model;
    }

    public ExploreView explore() {
        return explore;
    }

    public StatusBar status() {
        return status;
    }

    public Scene scene() {
        return scene;
    }

    public Icons icons() {
        return icons;
    }

    public TimeDisplay time() {
        return time;
    }

    /** The view tabs; later views (integrity, Insights, S3) add theirs here. */
    public TabPane tabs() {
        return tabs;
    }

    // ---- cases

    /** Opens (or creates) the case in the background and shows it; {@code then} gets it on the FX thread. */
    public void openCase(Path dir, Consumer<Case> then) {
        tasks.run(cancel -> Case.open(dir), opened -> {
            Closeable old = shown;
            shown = opened;
            model.setCase(opened);
            recent.opened(opened.dir());
            refreshRecentMenu();
            saveSoon();
            loadFieldPaths(opened.search(), opened.dir().toString());
            closeLater(old, opened);
            if (then != null) {
                then.accept(opened);
            }
        }, error -> {
            if (ErrorMessages.unwrap(error) instanceof DamagedIndexException damaged) {
                new DamagedCaseDialog(stage, tasks, dir, () -> openCase(dir, then)).show(damaged);
            } else {
                ErrorDialog.show(stage, "The case at " + dir + " could not be opened", error);
            }
        });
    }

    /** Opens File › Open remote case: URL, then user and password or AWS SigV4; on success Explore shows the remote case. */
    public RemoteCaseDialog chooseRemoteCase() {
        RemoteCaseDialog dialog = new RemoteCaseDialog(stage, tasks, settings.get("remote.url", null),
                settings.get("remote.user", null), this::showRemote);
        dialog.show();
        return dialog;
    }

    /** Shows a connected remote case in Explore; the window owns it from now on and closes it. */
    public void showRemote(RemoteCase remote) {
        Closeable old = shown;
        shown = remote;
        String url = remote.target().toString(); // never the password
        model.setEvents(remote.search(), url);
        insightsSource.set(remote.insights());
        tabs.getSelectionModel().select(0);
        // the URL and user are remembered to fill the dialog next time; a password never is
        settings.put("remote.url", url);
        settings.put("remote.user", remote.target().user());
        saveSoon();
        loadFieldPaths(remote.search(), url);
        closeLater(old, remote);
    }

    private void closeLater(Closeable old, Closeable current) {
        if (old != null && old != current) {
            tasks.run(cancel -> {
                old.close();
                return null;
            }, x -> { }, TaskRunner.logged("closing the case " + old)); // releasing cannot lose anything
        }
    }

    private void loadFieldPaths(EventSearch events, String name) {
        tasks.run(cancel -> {
            TreeSet<String> all = new TreeSet<>(Fields.WELL_KNOWN);
            all.addAll(events.fieldPaths());
            all.add(Fields.EXISTS);
            return List.copyOf(all);
        }, fieldPaths::setAll, TaskRunner.logged("listing the field paths of " + name)); // completion is a convenience
    }

    private void chooseCase(boolean create) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(create ? "New case: choose an empty folder" : "Open a case folder");
        File dir = chooser.showDialog(stage);
        if (dir == null) {
            return;
        }
        if (!create && !Case.isCase(dir.toPath())) {
            Alert alert = new Alert(Alert.AlertType.WARNING, dir + " is not a Trail Workbench case (it has no case.json)."
                    + " Use File › New case to make one in an empty folder.");
            alert.initOwner(stage);
            alert.show();
            return;
        }
        openCase(dir.toPath(), null);
    }

    private void refreshRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> openCase(p, null));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- import and export

    /** Imports files and folders into the open case, with the progress window; drops land here too. */
    public ImportDialog importPaths(List<Path> sources) {
        Case c = model.caseProperty().get();
        if (c == null || sources.isEmpty()) {
            return null;
        }
        ImportDialog dialog = new ImportDialog(stage, tasks, c, sources, () -> {
            model.run();
            loadFieldPaths(c.search(), c.dir().toString());
            insights.refresh();
        });
        dialog.start();
        return dialog;
    }

    private void chooseImport(boolean folder) {
        if (folder) {
            File dir = new DirectoryChooser().showDialog(stage);
            if (dir != null) {
                importPaths(List.of(dir.toPath()));
            }
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import CloudTrail log files");
            List<File> files = chooser.showOpenMultipleDialog(stage);
            if (files != null) {
                importPaths(files.stream().map(File::toPath).toList());
            }
        }
    }

    /** Shows a search made by another view (a log file's events, an anomaly's) in Explore, and brings it forward. */
    public void showInExplore(SearchRequest request) {
        org.trailworkbench.ui.insights.ShowInExplore.apply(model, request);
        tabs.getSelectionModel().select(0);
    }

    private Tab view(String id, String title, javafx.scene.Node content, String icon) {
        Tab tab = new Tab(title, content);
        tab.setId(id + "-tab");
        tab.setClosable(false);
        tab.setGraphic(icons.view(icon));
        return tab;
    }

    /** Opens the Import from S3 window for the open case. */
    public org.trailworkbench.ui.s3.S3ImportDialog importFromS3() {
        Case c = model.caseProperty().get();
        if (c == null) {
            return null;
        }
        var dialog = new org.trailworkbench.ui.s3.S3ImportDialog(stage, tasks, c, () -> {
            model.run();
            loadFieldPaths(c.search(), c.dir().toString());
            insights.refresh();
        });
        dialog.show();
        return dialog;
    }

    /** Opens the export window for what is on screen. */
    public ExportDialog exportCsv() {
        EventSearch events = model.eventsProperty().get();
        SearchRequest request = model.shownRequestProperty().get();
        if (events == null || request == null) {
            return null;
        }
        long hits = model.responseProperty().get() == null ? 0 : model.responseProperty().get().total();
        Path folder = Path.of(settings.get("export.folder", System.getProperty("user.home")));
        ExportDialog dialog = new ExportDialog(stage, tasks, events, request, List.copyOf(explore.table().columnPaths()), hits, folder);
        dialog.stage().show();
        return dialog;
    }

    private void acceptDrops() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && model.caseProperty().get() != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> dropped = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                Platform.runLater(() -> importPaths(dropped));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---- menus and keys

    private MenuBar menus() {
        Menu file = new Menu("File");
        file.getItems().addAll(
                item("Open case…", Shortcuts.OPEN_CASE, "folder", () -> chooseCase(false)),
                item("New case…", Shortcuts.NEW_CASE, "case-new", () -> chooseCase(true)),
                item("Open remote case…", null, "folder", this::chooseRemoteCase),
                recentMenu,
                new SeparatorMenuItem(),
                needsLocalCase(item("Import files…", Shortcuts.IMPORT_FILES, "import", () -> chooseImport(false))),
                needsLocalCase(item("Import folder…", Shortcuts.IMPORT_FOLDER, null, () -> chooseImport(true))),
                needsLocalCase(item("Import from S3…", null, "import", this::importFromS3)),
                needsLocalCase(item("Verify integrity…", null, "check", () -> tabs.getSelectionModel().select(1))),
                item("Export CSV…", Shortcuts.EXPORT, "export", this::exportCsv),
                new SeparatorMenuItem(),
                item("Quit", Shortcuts.QUIT, null, stage::close));
        CheckMenuItem utc = new CheckMenuItem("Times in UTC");
        utc.setAccelerator(Shortcuts.TOGGLE_UTC);
        utc.selectedProperty().bindBidirectional(time.utcProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(Shortcuts.DARK_THEME);
        dark.setSelected(Theme.parse(settings.get("theme", "LIGHT")) == Theme.DARK);
        dark.selectedProperty().addListener((obs, o, on) -> setTheme(on ? Theme.DARK : Theme.LIGHT));
        Menu view = new Menu("View");
        view.getItems().addAll(
                item("Search field", Shortcuts.FOCUS_QUERY, "search", () -> explore.queryBar().focus()),
                item("Run query again", Shortcuts.RUN, "run", model::run),
                item("Columns…", Shortcuts.COLUMNS, "columns", explore::showColumnChooser),
                item("Zoom back", Shortcuts.ZOOM_BACK, "back", model::zoomBack),
                new SeparatorMenuItem(), utc, dark);
        Menu event = new Menu("Event");
        event.getItems().addAll(
                item("Next event", Shortcuts.NEXT_EVENT, null, () -> explore.table().step(1)),
                item("Previous event", Shortcuts.PREVIOUS_EVENT, null, () -> explore.table().step(-1)),
                item("Copy event JSON", Shortcuts.COPY_JSON, "copy", () -> explore.table().copySelectedJson()));
        Menu help = new Menu("Help");
        help.getItems().add(item("Show log folder", null, "folder", this::showLogFolder));
        MenuBar bar = new MenuBar(file, view, event, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Import and verification work on a case folder: disabled while a remote case is on screen. */
    private MenuItem needsLocalCase(MenuItem item) {
        item.disableProperty().bind(remoteShown());
        return item;
    }

    private javafx.beans.binding.BooleanBinding remoteShown() {
        return model.eventsProperty().isNotNull().and(model.caseProperty().isNull());
    }

    private MenuItem item(String text, KeyCombination keys, String icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : icons.view(icon));
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }

    public void setTheme(Theme next) {
        theme = next;
        theme.apply(scene, icons);
        settings.put("theme", next.name());
        saveSoon();
    }

    // ---- window placement and shutdown

    private void rememberWindow() {
        placement.remember(stage, scene);
        settings.putList("query.history", history.entries());
    }

    private void saveSoon() {
        tasks.run(cancel -> {
            settings.save();
            return null;
        }, x -> { }, TaskRunner.logged("saving the settings")); // a convenience: a read-only home must not nag
    }

    private void shutdown() {
        rememberWindow();
        try {
            settings.save();
        } catch (IOException e) {
            LOG.warn("the settings could not be saved", e); // see saveSoon
        }
        model.shutdown();
        if (shown != null) {
            try {
                shown.close();
            } catch (IOException e) {
                LOG.warn("closing the case {} failed", shown, e); // a reader-only index loses nothing
            }
        }
    }

    // ---- help

    /** The folder of the log file, the one a bug report attaches: in the file manager, or its path. */
    public void showLogFolder() {
        Path folder = Logs.folder();
        if (showFolder != null) {
            showFolder.accept(folder);
            return;
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "The log file is in " + folder);
        alert.setHeaderText("Log folder");
        alert.initOwner(stage);
        alert.show();
    }
}

package org.trailworkbench.ui.table;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.trailworkbench.export.JsonPaths;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.RowSource;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.time.TimeDisplay;

import java.util.ArrayList;
import java.util.List;

/**
 * The event table: one row per hit however many, loaded lazily (see {@link LazyRows}), in time order.
 * Beyond {@link RowWindow#DEFAULT_ROWS} hits it holds a window of them, scrolled over all by
 * {@link #scrollBar()}: address rows by their position among all hits ({@link #selectHit}, {@link #rows()}).
 * Columns are any field paths; a right-click on a value filters on it or leaves it out, or copies it.
 */
public final class EventTable extends TableView<EventRow> {

    public static final String TIME = "eventTime";

    private final ExploreModel model;
    private final TimeDisplay time;
    private final ObservableList<String> columnPaths = FXCollections.observableArrayList();
    private final ObjectProperty<JsonPaths> paths = new SimpleObjectProperty<>();
    private final RowWindow window = new RowWindow(this);
    private int windowRows = RowWindow.DEFAULT_ROWS;
    private LazyRows rows;
    private boolean rebuilding;

    public EventTable(ExploreModel model, TimeDisplay time, List<String> initialColumns) {
        this.model = model;
        this.time = time;
        setId("events");
        getStyleClass().add("event-table");
        setFixedCellSize(26);
        setPlaceholder(new Label("No events match. Loosen the query, the filters or the time range."));
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setTableMenuButtonVisible(false);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        columnPaths.setAll(initialColumns.isEmpty() ? List.of(TIME) : initialColumns);
        rebuildColumns();
        columnPaths.addListener((javafx.collections.ListChangeListener<String>) c -> rebuildColumns());
        getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<EventRow, ?>>) c -> {
            if (!rebuilding) { // the user dragged a header: keep the new order
                List<String> order = new ArrayList<>();
                for (TableColumn<EventRow, ?> col : getColumns()) {
                    order.add((String) col.getUserData());
                }
                rebuilding = true;
                columnPaths.setAll(order);
                paths.set(JsonPaths.of(order));
                rebuilding = false;
            }
        });
        time.utcProperty().addListener((obs, o, n) -> refresh());
        model.responseProperty().addListener((obs, old, response) -> show(response));
        model.hitListProperty().addListener((obs, old, list) -> attach(list));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END) && rows != null && rows.windowed()
                    && !e.isShiftDown()) { // the table alone would go to the window's ends, not the hits'
                window.select(e.getCode() == KeyCode.HOME ? 0 : rows.total() - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.C && e.isShortcutDown()) {
                if (e.isShiftDown()) {
                    copySelectedJson();
                } else {
                    copySelectedRow();
                }
                e.consume();
            }
        });
    }

    /** Field paths shown as columns, in order; edit it to add, remove or reorder columns. */
    public ObservableList<String> columnPaths() {
        return columnPaths;
    }

    public LazyRows rows() {
        return rows;
    }

    /** The scroll bar over all hits, shown beside the table when it holds a window of them. */
    public ScrollBar scrollBar() {
        return window.bar();
    }

    /** The selected row, also when the window has moved away from it; what the detail pane shows. */
    public ReadOnlyObjectProperty<EventRow> selectedRowProperty() {
        return window.selectedProperty();
    }

    /** At most this many rows become the table's items at once, from the next search on. */
    public void setWindowRows(int rows) {
        windowRows = rows;
    }

    /** Scrolls so that hit {@code position} (among all hits, not the window's items) is the top row. */
    public void scrollToHit(int position) {
        window.scrollTo(position);
    }

    /** Selects hit {@code position} among all hits, scrolling to it when it is out of view. */
    public void selectHit(int position) {
        window.select(position);
    }

    private void show(SearchResponse response) {
        if (rows != null) {
            rows.close();
        }
        rows = response == null ? null : new LazyRows(response.total(), response.hits(), windowRows);
        window.show(rows);
        setItems(rows == null ? FXCollections.observableArrayList() : rows);
        scrollTo(0);
    }

    private void attach(RowSource list) {
        if (rows != null && list != null && list.size() == rows.total()) {
            rows.attach(list);
        }
    }

    private void rebuildColumns() {
        if (rebuilding) {
            return;
        }
        rebuilding = true;
        JsonPaths jsonPaths = JsonPaths.of(columnPaths);
        paths.set(jsonPaths);
        List<TableColumn<EventRow, String>> columns = new ArrayList<>();
        for (int k = 0; k < columnPaths.size(); k++) {
            columns.add(column(columnPaths.get(k), k));
        }
        getColumns().setAll(columns);
        rebuilding = false;
    }

    private TableColumn<EventRow, String> column(String path, int k) {
        TableColumn<EventRow, String> column = new TableColumn<>(path);
        column.setUserData(path);
        column.setSortable(false);
        column.setPrefWidth(width(path));
        column.setCellValueFactory(cell -> value(cell.getValue(), path));
        column.setCellFactory(c -> new ValueCell(path));
        return column;
    }

    private ObservableValue<String> value(EventRow row, String path) {
        return Bindings.createStringBinding(() -> {
            EventHit hit = row.hit();
            if (hit == null) {
                return null;
            }
            if (path.equals(TIME)) {
                return time.millis(hit.time());
            }
            JsonPaths current = paths.get();
            int k = current.paths().indexOf(path);
            String[] cells = row.cells(current);
            return k < 0 || cells == null ? "" : cells[k];
        }, row.hitProperty());
    }

    private static double width(String path) {
        return switch (path) {
            case TIME -> 190;
            case "userIdentity.arn", "userAgent" -> 330;
            case "eventName" -> 200;
            case "eventSource" -> 190;
            case "sourceIPAddress" -> 130;
            case "awsRegion" -> 110;
            default -> 150;
        };
    }

    // ---- copying

    public void copySelectedRow() {
        EventRow row = selectedRowProperty().get();
        if (row == null || row.hit() == null) {
            return;
        }
        List<String> cells = new ArrayList<>();
        for (String path : columnPaths) {
            cells.add(cellText(row, path));
        }
        copy(String.join("\t", cells));
    }

    public void copySelectedJson() {
        EventRow row = selectedRowProperty().get();
        if (row != null && row.hit() != null) {
            copy(row.hit().json());
        }
    }

    private String cellText(EventRow row, String path) {
        String v = value(row, path).getValue();
        return v == null ? "" : v;
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A cell with the value's own menu: filter on it, leave it out, copy it, the row or the event. */
    private final class ValueCell extends TableCell<EventRow, String> {
        private final String path;

        ValueCell(String path) {
            this.path = path;
            getStyleClass().add("event-cell");
            setOnContextMenuRequested(e -> {
                if (getTableRow() == null || getTableRow().getItem() == null) {
                    return;
                }
                getTableView().getSelectionModel().select(getIndex());
                menu().show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            });
        }

        private ContextMenu menu() {
            String value = getItem() == null ? "" : getItem();
            String filterValue = filterValue(value);
            List<MenuItem> items = new ArrayList<>();
            items.add(item("Copy value", () -> copy(value)));
            items.add(item("Copy row", EventTable.this::copySelectedRow));
            items.add(item("Copy event JSON", EventTable.this::copySelectedJson));
            if (filterValue != null) {
                items.add(new SeparatorMenuItem());
                items.add(item("Filter on " + path + ": " + abbreviate(filterValue), () -> model.include(path, filterValue)));
                items.add(item("Exclude " + path + ": " + abbreviate(filterValue), () -> model.exclude(path, filterValue)));
            }
            return new ContextMenu(items.toArray(MenuItem[]::new));
        }

        /** The value as the index knows it: the raw UTC time for eventTime, nothing for lists and objects. */
        private String filterValue(String shown) {
            if (shown.isEmpty()) {
                return null;
            }
            if (path.equals(TIME)) {
                return null; // times are ranges: drag on the timeline instead
            }
            if (shown.contains(JsonPaths.SEPARATOR) || shown.startsWith("{")) {
                return null;
            }
            return shown;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? "…" : item);
        }
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static String abbreviate(String s) {
        return s.length() > 48 ? s.substring(0, 45) + "…" : s;
    }

    /** Selects the row {@code by} rows below (negative: above) the selection, for next/previous event. */
    public void step(int by) {
        if (rows == null || rows.total() == 0) {
            return;
        }
        int i = window.selectedPosition();
        window.select(i < 0 ? 0 : i + by);
    }
}

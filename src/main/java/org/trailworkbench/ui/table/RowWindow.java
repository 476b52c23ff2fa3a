package org.trailworkbench.ui.table;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Scrolling over every hit while the table holds a window of them (see {@link LazyRows}). A scroll bar of
 * its own stands for all hits; the table's own bar is hidden and only moves within the window. When the
 * view nears an edge of the window, the window moves so that the view is in its middle again. The
 * selection is kept by hit position, so it survives the window moving away and back.
 *
 * <p>With no more hits than the window holds, none of this is active: the table is a plain table.
 */
final class RowWindow {

    /**
     * Rows per window. Moving the window replaces every row (the list change is built row by row) and the
     * flow then measures its rows again: at 50,000 rows one move stalled the FX thread up to a second. At
     * 2,000 a move is a few milliseconds, and the view still travels 500 rows between moves.
     */
    static final int DEFAULT_ROWS = 2_000;
    static final String WINDOWED = "windowed";

    private final TableView<EventRow> table;
    private final ScrollBar bar = new ScrollBar();
    private final ReadOnlyObjectWrapper<EventRow> selected = new ReadOnlyObjectWrapper<>();
    private LazyRows rows;
    /** Position among all hits of the selected row, -1 when none. */
    private int selectedPosition = -1;
    private boolean syncing;
    private boolean moving;
    private boolean recentreQueued;
    /** Rows wholly in view, as of the last layout. */
    private int fullRows = 1;
    private final Runnable follower = this::follow;
    private Scene listening;
    private VirtualFlow<?> flow;

    RowWindow(TableView<EventRow> table) {
        this.table = table;
        bar.setId("event-scroll");
        bar.getStyleClass().add("event-scroll");
        bar.setOrientation(Orientation.VERTICAL);
        bar.setMin(0);
        bar.setUnitIncrement(1);
        hideBar();
        bar.valueProperty().addListener((obs, old, value) -> {
            if (!syncing) {
                reveal((int) Math.round(value.doubleValue()), true);
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!moving) {
                selectedPosition = index.intValue() < 0 || rows == null ? -1 : rows.offset() + index.intValue();
                selected.set(selectedPosition < 0 ? null : rows.row(selectedPosition));
            }
        });
        // the view's first row is known only once the flow has laid out its cells
        table.sceneProperty().addListener((obs, old, scene) -> listenTo(scene));
        listenTo(table.getScene());
    }

    /** The bar standing for all hits; shown only while the table holds a window of them. */
    ScrollBar bar() {
        return bar;
    }

    /** The selected row, wherever the window is: the table's selection only sees rows in the window. */
    ReadOnlyObjectProperty<EventRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    int selectedPosition() {
        return selectedPosition;
    }

    void show(LazyRows next) {
        rows = next;
        selectedPosition = -1;
        selected.set(null);
        table.getStyleClass().remove(WINDOWED);
        if (next == null || !next.windowed()) {
            hideBar();
            return;
        }
        table.getStyleClass().add(WINDOWED);
        syncing = true;
        bar.setMax(Math.max(0, next.total() - 1));
        bar.setValue(0);
        syncing = false;
        bar.setVisible(true);
        bar.setManaged(true);
    }

    /** Scrolls so that hit {@code position} is the top row (as far as the end allows). */
    void scrollTo(int position) {
        reveal(position, true);
    }

    /** Scrolls just enough that hit {@code position} is in view, and selects it. */
    void select(int position) {
        if (rows == null || rows.total() == 0) {
            return;
        }
        int target = Math.max(0, Math.min(rows.total() - 1, position));
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        int index = target - rows.offset();
        boolean inView = first != null && last != null && index > first.getIndex() && index < last.getIndex();
        if (!inView) {
            reveal(target, index < (first == null ? 0 : first.getIndex()));
        }
        table.getSelectionModel().clearAndSelect(target - rows.offset());
        table.getFocusModel().focus(target - rows.offset());
    }

    private void reveal(int position, boolean atTop) {
        if (rows == null || rows.total() == 0) {
            return;
        }
        int target = Math.max(0, Math.min(rows.total() - 1, position));
        if (nearEdge(target - rows.offset(), target - rows.offset())) {
            moveWindow(target - rows.size() / 2);
        }
        // the top row is set directly: right after the items are replaced, the flow's own "scroll just
        // enough" works from the cells of the old items and can leave the row out of view
        int index = target - rows.offset();
        table.scrollTo(atTop ? index : Math.max(0, index - fullRows + 1));
    }

    private void moveWindow(int start) {
        moving = true;
        try {
            rows.moveTo(start);
            int index = selectedPosition - rows.offset();
            if (selectedPosition >= 0 && index >= 0 && index < rows.size()) {
                table.getSelectionModel().clearAndSelect(index);
                table.getFocusModel().focus(index);
            } else {
                table.getSelectionModel().clearSelection(); // the selected hit stays selected, out of the window
            }
        } finally {
            moving = false;
        }
    }

    private void listenTo(Scene scene) {
        if (listening != null) {
            listening.removePostLayoutPulseListener(follower);
        }
        listening = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(follower);
        }
    }

    /** After each layout: the bar follows the view, and the window moves when the view nears its edge. */
    private void follow() {
        if (rows == null || !rows.windowed()) {
            return;
        }
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null) {
            return;
        }
        int visible = Math.max(1, last.getIndex() - first.getIndex() + 1);
        fullRows = Math.max(1, visible - 1); // the first or the last is usually cut
        int top = rows.offset() + first.getIndex();
        syncing = true;
        bar.setMax(Math.max(0, rows.total() - visible));
        bar.setVisibleAmount(visible);
        bar.setBlockIncrement(visible);
        bar.setValue(top);
        syncing = false;
        if (nearEdge(first.getIndex(), last.getIndex()) && !recentreQueued) {
            recentreQueued = true;
            LazyRows shown = rows;
            Platform.runLater(() -> { // not during the layout pass that told us
                recentreQueued = false;
                if (rows == shown) {
                    reveal(top, true);
                }
            });
        }
    }

    /**
     * Whether rows {@code from} to {@code to} of the window come within a quarter window of an edge that
     * can move (the window's first row is not the first hit, or its last row not the last).
     */
    private boolean nearEdge(int from, int to) {
        int margin = rows.size() / 4;
        boolean top = rows.offset() > 0 ? from < margin : from < 0;
        boolean end = rows.offset() + rows.size() < rows.total() ? to >= rows.size() - margin : to >= rows.size();
        return top || end;
    }

    private VirtualFlow<?> flow() {
        if (flow == null || flow.getScene() != table.getScene()) {
            flow = table.lookup(".virtual-flow") instanceof VirtualFlow<?> found ? found : null;
        }
        return flow;
    }

    private void hideBar() {
        bar.setVisible(false);
        bar.setManaged(false);
    }
}

package org.trailworkbench.ui.table;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The column chooser: every field path in the case, with a filter box; ticking one adds it as the last
 * column, unticking removes it. Order is changed by dragging column headers.
 */
public final class ColumnChooser {

    private final EventTable table;
    private final ObservableList<String> fieldPaths;
    private final Popup popup = new Popup();
    private final TextField filter = new TextField();

    public ColumnChooser(EventTable table, ObservableList<String> fieldPaths) {
        this.table = table;
        this.fieldPaths = fieldPaths;
        popup.setAutoHide(true);
        popup.setOnHidden(e -> filter.clear());
    }

    public void show(Node anchor) {
        Set<String> all = new LinkedHashSet<>(table.columnPaths());
        all.addAll(fieldPaths);
        FilteredList<String> shown = new FilteredList<>(FXCollections.observableArrayList(all));
        ListView<String> list = new ListView<>(shown);
        list.setId("column-list");
        list.setPrefSize(340, 360);
        list.setCellFactory(CheckBoxListCell.forListView(path -> {
            var checked = new SimpleBooleanProperty(table.columnPaths().contains(path));
            checked.addListener((obs, was, is) -> {
                if (is && !table.columnPaths().contains(path)) {
                    table.columnPaths().add(path);
                } else if (!is && table.columnPaths().size() > 1) {
                    table.columnPaths().remove(path);
                }
            });
            return checked;
        }));
        filter.setId("column-filter");
        filter.setPromptText("Find a field path");
        filter.textProperty().addListener((obs, o, text) -> {
            String t = text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(t.isEmpty() ? null : p -> p.toLowerCase(Locale.ROOT).contains(t));
        });
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        Label title = new Label("Columns");
        title.getStyleClass().add("card-title");
        VBox box = new VBox(8, title, filter, list);
        box.getStyleClass().addAll("popup-card", "column-chooser");
        box.getStylesheets().setAll(anchor.getScene().getStylesheets());
        box.getStyleClass().add("root");
        popup.getContent().setAll(box);
        var b = anchor.localToScreen(anchor.getBoundsInLocal());
        popup.show(anchor, b.getMaxX() - 340, b.getMaxY() + 4);
        filter.requestFocus();
    }
}

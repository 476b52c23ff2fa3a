package org.trailworkbench.ui.facets;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.trailworkbench.search.FacetCount;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.explore.Facets;
import org.trailworkbench.ui.theme.Icons;

import java.util.List;
import java.util.Locale;

/**
 * One facet dimension: its values with counts under every other filter (drill sideways) and a bar for
 * scale. Clicking a value keeps only it (again: drops the filter); the buttons include or exclude it.
 * Long lists get a filter box.
 */
final class FacetPane extends VBox {

    private static final int ROW = 28;
    private static final int VISIBLE_ROWS = 8;
    private static final PseudoClass INCLUDED = PseudoClass.getPseudoClass("included");
    private static final PseudoClass EXCLUDED = PseudoClass.getPseudoClass("excluded");

    private final String field;
    private final ExploreModel model;
    private final Icons icons;
    private final ObservableList<FacetCount> values = FXCollections.observableArrayList();
    private final FilteredList<FacetCount> shown = new FilteredList<>(values);
    private final ListView<FacetCount> list = new ListView<>(shown);
    private final TextField filterBox = new TextField();
    private final Label title = new Label();
    private FacetFilter selection = FacetFilter.NONE;
    private long max = 1;

    FacetPane(String field, ExploreModel model, Icons icons) {
        this.field = field;
        this.model = model;
        this.icons = icons;
        setId("facet-" + field);
        getStyleClass().add("facet");

        title.setText(Facets.label(field));
        title.getStyleClass().add("facet-title");
        title.setTooltip(new Tooltip(field));
        Label path = new Label(field);
        path.getStyleClass().add("facet-path");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, path);
        header.setAlignment(Pos.BASELINE_LEFT);

        filterBox.setPromptText("Filter " + Facets.label(field).toLowerCase(Locale.ROOT) + " values");
        filterBox.getStyleClass().add("facet-filter");
        filterBox.textProperty().addListener((obs, old, text) -> {
            String t = text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(t.isEmpty() ? null : c -> c.value().toLowerCase(Locale.ROOT).contains(t));
            resize();
        });

        list.setFixedCellSize(ROW);
        list.getStyleClass().add("facet-list");
        list.setCellFactory(v -> new ValueCell());
        list.setFocusTraversable(false);
        getChildren().addAll(header, filterBox, list);
    }

    void show(List<FacetCount> counts, FacetFilter filter) {
        FacetFilter before = selection;
        selection = filter == null ? FacetFilter.NONE : filter;
        max = Math.max(1, counts.stream().mapToLong(FacetCount::count).max().orElse(1));
        values.setAll(counts);
        boolean longList = counts.size() > VISIBLE_ROWS;
        filterBox.setVisible(longList || !filterBox.getText().isEmpty());
        filterBox.setManaged(filterBox.isVisible());
        boolean any = !counts.isEmpty() || !selection.isEmpty();
        setVisible(any);
        setManaged(any);
        resize();
        if (!before.equals(selection)) {
            list.refresh(); // same values, new marks: cells only redraw by themselves when their item changes
        }
    }

    private void resize() {
        list.setPrefHeight(Math.max(1, Math.min(VISIBLE_ROWS, shown.size())) * ROW + 2);
    }

    private void toggle(String value) {
        if (selection.include().contains(value)) {
            model.removeFilter(field, value);
        } else {
            model.include(field, value);
        }
    }

    private final class ValueCell extends ListCell<FacetCount> {
        private final Label value = new Label();
        private final Tooltip fullValue = new Tooltip(); // one per cell: creating tooltips per update is slow
        private final Label count = new Label();
        private final Region bar = new Region();
        private final Button include = new Button(null, icons.view("include"));
        private final Button exclude = new Button(null, icons.view("exclude"));
        private final HBox row;

        ValueCell() {
            getStyleClass().add("facet-cell");
            setPrefWidth(0); // fit the list's width: long values are cut with an ellipsis, never scrolled
            value.getStyleClass().add("facet-value");
            value.setMaxWidth(Double.MAX_VALUE);
            value.setTooltip(fullValue);
            HBox.setHgrow(value, Priority.ALWAYS);
            count.getStyleClass().add("facet-count");
            bar.getStyleClass().add("facet-bar");
            bar.setMaxHeight(3);
            bar.setMinHeight(3);
            include.getStyleClass().addAll("facet-action", "flat");
            exclude.getStyleClass().addAll("facet-action", "flat");
            include.setTooltip(new Tooltip("Keep only events with this value"));
            exclude.setTooltip(new Tooltip("Leave out events with this value"));
            include.setOnAction(e -> model.include(field, getItem().value()));
            exclude.setOnAction(e -> {
                if (selection.exclude().contains(getItem().value())) {
                    model.removeFilter(field, getItem().value());
                } else {
                    model.exclude(field, getItem().value());
                }
            });
            // the buttons take room only under the pointer, so values are cut as late as possible
            for (Button b : new Button[]{include, exclude}) {
                b.visibleProperty().bind(hoverProperty());
                b.managedProperty().bind(hoverProperty());
            }
            row = new HBox(4, value, count, include, exclude);
            row.setAlignment(Pos.CENTER_LEFT);
            StackPane.setAlignment(bar, Pos.BOTTOM_LEFT);
            StackPane stack = new StackPane(bar, row);
            stack.setAlignment(Pos.CENTER_LEFT);
            setGraphic(null);
            setOnMouseClicked(e -> {
                if (getItem() != null && e.getTarget() != include && e.getTarget() != exclude
                        && !isInside(e.getPickResult().getIntersectedNode())) {
                    toggle(getItem().value());
                }
            });
            setUserData(stack);
        }

        private boolean isInside(javafx.scene.Node node) {
            for (var n = node; n != null; n = n.getParent()) {
                if (n == include || n == exclude) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void updateItem(FacetCount item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                pseudoClassStateChanged(INCLUDED, false);
                pseudoClassStateChanged(EXCLUDED, false);
                return;
            }
            value.setText(item.value());
            fullValue.setText(item.value());
            count.setText(String.format("%,d", item.count()));
            bar.setMaxWidth(Math.max(2, (getListView().getWidth() - 24) * item.count() / (double) max));
            pseudoClassStateChanged(INCLUDED, selection.include().contains(item.value()));
            pseudoClassStateChanged(EXCLUDED, selection.exclude().contains(item.value()));
            setGraphic((StackPane) getUserData());
        }
    }
}

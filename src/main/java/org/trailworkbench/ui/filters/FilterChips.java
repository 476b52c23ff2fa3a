package org.trailworkbench.ui.filters;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.explore.Facets;
import org.trailworkbench.ui.theme.Icons;

import java.util.Map;

/**
 * The active filters as chips above the results: click a chip to turn "only" into "not" and back, its
 * cross to drop it. Hidden when there are none.
 */
public final class FilterChips extends FlowPane {

    private final ExploreModel model;
    private final Icons icons;

    public FilterChips(ExploreModel model, Icons icons) {
        this.model = model;
        this.icons = icons;
        setId("filter-chips");
        getStyleClass().add("filter-chips");
        setHgap(6);
        setVgap(6);
        model.filtersProperty().addListener((obs, old, filters) -> show(filters));
        show(model.filtersProperty().get());
    }

    private void show(Map<String, FacetFilter> filters) {
        getChildren().clear();
        filters.forEach((field, filter) -> {
            filter.include().stream().sorted().forEach(v -> getChildren().add(chip(field, v, false)));
            filter.exclude().stream().sorted().forEach(v -> getChildren().add(chip(field, v, true)));
        });
        if (!getChildren().isEmpty()) {
            Hyperlink clear = new Hyperlink("Clear all");
            clear.setId("clear-filters");
            clear.setOnAction(e -> model.clearFilters());
            getChildren().add(clear);
        }
        setVisible(!filters.isEmpty());
        setManaged(!filters.isEmpty());
    }

    private HBox chip(String field, String value, boolean excluded) {
        Label text = new Label((excluded ? "NOT " : "") + Facets.label(field) + ": " + value);
        text.getStyleClass().add("chip-text");
        text.setTooltip(new Tooltip((excluded ? "Leaves out " : "Keeps only ") + field + " = " + value
                + "\nClick to " + (excluded ? "keep only" : "leave out") + " instead"));
        text.setOnMouseClicked(e -> {
            if (excluded) {
                model.include(field, value);
            } else {
                model.exclude(field, value);
            }
        });
        Button remove = new Button(null, icons.view("close"));
        remove.getStyleClass().addAll("chip-remove", "flat");
        remove.setTooltip(new Tooltip("Remove this filter"));
        remove.setOnAction(e -> model.removeFilter(field, value));
        HBox chip = new HBox(2, text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().addAll("chip", excluded ? "chip-exclude" : "chip-include");
        chip.setUserData(field + "=" + value);
        return chip;
    }
}

package org.trailworkbench.ui.facets;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.trailworkbench.index.Fields;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.theme.Icons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facet dimensions, one pane each, in the schema's order; rebuilt from every answer, never re-created. */
public final class FacetSidebar extends ScrollPane {

    private final Map<String, FacetPane> panes = new LinkedHashMap<>();

    public FacetSidebar(ExploreModel model, Icons icons) {
        setId("facets");
        getStyleClass().add("facet-sidebar");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        Label heading = new Label("Fields");
        heading.getStyleClass().add("sidebar-heading");
        VBox content = new VBox(14, heading);
        content.getStyleClass().add("facet-column");
        for (String field : Fields.FACETS) {
            FacetPane pane = new FacetPane(field, model, icons);
            panes.put(field, pane);
            content.getChildren().add(pane);
        }
        setContent(content);
        model.responseProperty().addListener((obs, old, response) -> show(response, model.shownRequestProperty().get() == null
                ? Map.of() : model.shownRequestProperty().get().filters()));
    }

    private void show(SearchResponse response, Map<String, FacetFilter> filters) {
        if (response == null) {
            panes.values().forEach(p -> p.show(List.of(), FacetFilter.NONE));
            return;
        }
        panes.forEach((field, pane) -> pane.show(response.facets().getOrDefault(field, List.of()),
                filters.getOrDefault(field, FacetFilter.NONE)));
    }
}

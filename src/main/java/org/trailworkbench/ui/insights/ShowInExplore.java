package org.trailworkbench.ui.insights;

import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.ui.explore.ExploreModel;

import java.util.Map;

/**
 * Puts a search another view made (an anomaly's events, a file's events) into the Explore view: its query,
 * its filters as chips, its range as a zoom that Back undoes. Each step only queues a search; the search
 * thread runs the newest, so this costs one search, not one per filter.
 */
public final class ShowInExplore {

    private ShowInExplore() {
    }

    public static void apply(ExploreModel model, SearchRequest request) {
        model.clearFilters();
        for (Map.Entry<String, FacetFilter> f : request.filters().entrySet()) {
            f.getValue().include().forEach(v -> model.include(f.getKey(), v));
            f.getValue().exclude().forEach(v -> model.exclude(f.getKey(), v));
        }
        if (model.sortProperty().get() != request.sort()) {
            model.setSort(request.sort());
        }
        model.runQuery(request.query());
        if (!request.range().equals(model.rangeProperty().get())) {
            model.zoomTo(request.range());
        }
    }
}

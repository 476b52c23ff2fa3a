package org.trailworkbench.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total    hits under the query, time range and every filter
 * @param hits     the requested page
 * @param next     the cursor for the next page, or null when this page was the last
 * @param facets   counts per facet dimension, in {@code Fields.FACETS} order; drill-sideways: a dimension's own
 *                 filter is left out of its counts, so the other values stay visible
 * @param timeline the histogram, or null when not requested
 * @param tookMillis time spent in the search
 */
public record SearchResponse(long total, List<EventHit> hits, Cursor next, Map<String, List<FacetCount>> facets,
                             Timeline timeline, long tookMillis) {
}

package org.trailworkbench.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user asked for: the same request drives the table, the facets, the timeline and the export.
 *
 * @param query      Lucene classic syntax over CloudTrail paths; blank means everything
 * @param range      time range on eventTime
 * @param filters    include/exclude values per field path
 * @param sort       time order of the listed events
 * @param pageSize   events per page (0 for none: counts only)
 * @param after      where the previous page ended, or null for the first page
 * @param facetSize  values per facet dimension (0 for no facets)
 * @param timeline   whether to compute the histogram
 * @param splitBy    a facet dimension to split the histogram by, or null
 */
public record SearchRequest(String query, TimeRange range, Map<String, FacetFilter> filters, SortOrder sort,
                            int pageSize, Cursor after, int facetSize, boolean timeline, String splitBy) {

    public SearchRequest {
        query = query == null ? "" : query.strip();
        range = range == null ? TimeRange.ALL : range;
        var copy = new LinkedHashMap<String, FacetFilter>();
        if (filters != null) {
            filters.forEach((field, filter) -> {
                if (filter != null && !filter.isEmpty()) {
                    copy.put(field, filter);
                }
            });
        }
        filters = java.util.Collections.unmodifiableMap(copy);
        sort = sort == null ? SortOrder.NEWEST_FIRST : sort;
        if (pageSize < 0 || facetSize < 0) {
            throw new IllegalArgumentException("page and facet sizes cannot be negative");
        }
        if (splitBy != null && !org.trailworkbench.index.Fields.isFacet(splitBy)) {
            throw new IllegalArgumentException("the timeline can split by a facet field only, not '" + splitBy
                    + "': one of " + String.join(", ", org.trailworkbench.index.Fields.FACETS));
        }
    }

    /** Everything, newest first, one page of 100, facets and timeline: what the window shows first. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, TimeRange.ALL, Map.of(), SortOrder.NEWEST_FIRST, 100, null, 10, true, null);
    }

    public SearchRequest withQuery(String q) {
        return new SearchRequest(q, range, filters, sort, pageSize, null, facetSize, timeline, splitBy);
    }

    public SearchRequest withRange(TimeRange r) {
        return new SearchRequest(query, r, filters, sort, pageSize, null, facetSize, timeline, splitBy);
    }

    public SearchRequest withFilters(Map<String, FacetFilter> f) {
        return new SearchRequest(query, range, f, sort, pageSize, null, facetSize, timeline, splitBy);
    }

    public SearchRequest withFilter(String field, FacetFilter filter) {
        var f = new LinkedHashMap<>(filters);
        f.put(field, filter);
        return withFilters(f);
    }

    public SearchRequest withSort(SortOrder s) {
        return new SearchRequest(query, range, filters, s, pageSize, null, facetSize, timeline, splitBy);
    }

    public SearchRequest withPage(int size, Cursor cursor) {
        return new SearchRequest(query, range, filters, sort, size, cursor, facetSize, timeline, splitBy);
    }

    public SearchRequest withFacets(int size) {
        return new SearchRequest(query, range, filters, sort, pageSize, after, size, timeline, splitBy);
    }

    public SearchRequest withTimeline(boolean on, String split) {
        return new SearchRequest(query, range, filters, sort, pageSize, after, facetSize, on, split);
    }

    /** Just the hits: for paging on and for export, where facets and timeline would be wasted work. */
    public SearchRequest hitsOnly(int size, Cursor cursor) {
        return new SearchRequest(query, range, filters, sort, size, cursor, 0, false, null);
    }
}

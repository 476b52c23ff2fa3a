package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.trailworkbench.index.Fields;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.TimeRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SearchRequest} as Query DSL, split as the local search splits it: the base (query text, time range,
 * filters on fields without facets) and one filter per facet selection, so that each facet dimension can be
 * counted under every selection but its own (drill sideways).
 */
final class RemoteRequests {

    private RemoteRequests() {
    }

    static Query base(SearchRequest request) throws QuerySyntaxException {
        List<Query> filters = new ArrayList<>();
        TimeRange range = request.range();
        if (!range.isAll()) {
            long from = range.from() == null ? Long.MIN_VALUE : range.from();
            long to = range.to() == null ? Long.MAX_VALUE : range.to() - 1;
            filters.add(Dsl.timeRange(from, to).query);
        }
        request.filters().forEach((field, filter) -> {
            if (!Fields.isFacet(field)) {
                filters.add(filter(field, filter, false));
            }
        });
        Query text = RemoteQueryParser.toDsl(request.query());
        if (filters.isEmpty()) {
            return text;
        }
        return Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
    }

    /** Per facet dimension with a selection, its filter; in the request's order. */
    static Map<String, Query> selections(SearchRequest request) {
        Map<String, Query> selections = new LinkedHashMap<>();
        request.filters().forEach((field, filter) -> {
            if (Fields.isFacet(field)) {
                selections.put(field, filter(field, filter, true));
            }
        });
        return selections;
    }

    /** All selections but {@code except}'s (null for all), as one filter; match_all when there are none. */
    static Query allBut(Map<String, Query> selections, String except) {
        List<Query> others = new ArrayList<>();
        selections.forEach((field, query) -> {
            if (!field.equals(except)) {
                others.add(query);
            }
        });
        return others.isEmpty() ? DslTranslator.MATCH_ALL : Query.of(q -> q.bool(b -> b.filter(others)));
    }

    /** Base and every selection: what the hits, the total and the histogram count. */
    static Query full(Query base, Map<String, Query> selections) {
        if (selections.isEmpty()) {
            return base;
        }
        return Query.of(q -> q.bool(b -> b.must(base).filter(allBut(selections, null))));
    }

    /**
     * Include any of, exclude all of. Facet fields compare exact values (their keyword field), other fields
     * the case-folded keyword term, as the local search does.
     */
    private static Query filter(String field, FacetFilter filter, boolean exact) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!filter.include().isEmpty()) {
            List<Query> anyOf = new ArrayList<>();
            for (String value : filter.include()) {
                anyOf.add(value(field, value, exact));
            }
            bool.filter(Query.of(q -> q.bool(b -> b.should(anyOf).minimumShouldMatch("1"))));
        }
        for (String value : filter.exclude()) {
            bool.mustNot(value(field, value, exact));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static Query value(String field, String value, boolean exact) {
        if (Fields.FILE.equals(field)) {
            return term(Schema.FILE, value);
        }
        return exact ? term(Schema.facet(field), value) : term(Schema.PV, Schema.pv(field, value));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}

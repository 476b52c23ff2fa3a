package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.trailworkbench.index.Fields;
import org.trailworkbench.search.BucketInterval;
import org.trailworkbench.search.Cursor;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.FacetCount;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.RowSource;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.search.Timeline;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventSearch} over a remote case: one search request gives the page (search_after on time and id),
 * the total (post_filter: every selection) and the facets (one filter aggregation per dimension: every
 * selection but its own); a histogram of open range first asks for the hits' oldest and newest time, so
 * that its buckets are the local ones ({@link BucketInterval}, {@link SearchService#TARGET_BUCKETS}).
 */
public final class RemoteSearch implements EventSearch {

    private static final int MAX_SERIES = 6;
    private static final int SCAN_PAGE = 1000;
    /** Values of a split counted before the top six are chosen; a split by a wider field lumps the rest. */
    private static final int SPLIT_VALUES = 10_000;
    static final List<String> SOURCE = List.of(Schema.RECORD, Schema.FILE, Schema.TIME);

    private final RemoteCase remote;

    RemoteSearch(RemoteCase remote) {
        this.remote = remote;
    }

    @Override
    public org.trailworkbench.search.SearchResponse search(org.trailworkbench.search.SearchRequest request)
            throws IOException, QuerySyntaxException {
        long started = System.nanoTime();
        Query base = RemoteRequests.base(request);
        Map<String, Query> selections = RemoteRequests.selections(request);
        Query full = RemoteRequests.full(base, selections);
        long[] starts = null;
        long end = 0;
        BucketInterval interval = null;
        if (request.timeline()) {
            Long from = request.range().from();
            Long to = request.range().to();
            if (from == null || to == null) {
                long[] bounds = bounds(full);
                if (bounds != null) {
                    from = from == null ? bounds[0] : from;
                    to = to == null ? bounds[1] + 1 : to;
                }
            }
            if (from != null && to != null) {
                interval = BucketInterval.choose(from, to, SearchService.TARGET_BUCKETS);
                starts = interval.starts(from, to);
                end = interval.next(starts[starts.length - 1]);
            } else {
                starts = new long[0];
            }
        }
        SearchRequest.Builder search = new SearchRequest.Builder().index(remote.target().index())
                .query(base).trackTotalHits(t -> t.enabled(true)).size(request.pageSize())
                .source(s -> s.filter(f -> f.includes(SOURCE)));
        if (!selections.isEmpty()) {
            search.postFilter(RemoteRequests.allBut(selections, null));
        }
        if (request.pageSize() > 0) {
            search.sort(sort(request.sort()));
            if (request.after() != null) {
                search.searchAfter(List.of(Long.toString(request.after().time()), request.after().key()));
            }
        }
        if (request.facetSize() > 0) {
            for (String dim : Fields.FACETS) {
                search.aggregations(dim, facetAggregation(dim, request.facetSize(), selections));
            }
        }
        final long[] bucketStarts = starts;
        if (starts != null && starts.length > 0) {
            search.aggregations("timeline", Timelines.aggregation(interval, starts, end, request.splitBy(),
                    RemoteRequests.allBut(selections, null), SPLIT_VALUES));
        }
        SearchResponse<Map> response = run(search.build());
        long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        List<EventHit> hits = new ArrayList<>();
        Cursor next = null;
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(hit(hit));
        }
        if (request.pageSize() > 0 && hits.size() == request.pageSize()) {
            next = cursor(response.hits().hits().get(hits.size() - 1));
        }
        Map<String, List<FacetCount>> facets = request.facetSize() > 0 ? facets(response) : Map.of();
        Timeline timeline = null;
        if (request.timeline()) {
            timeline = bucketStarts.length == 0
                    ? new Timeline(BucketInterval.HOUR, new long[0], 0, new long[0], Map.of(), request.splitBy())
                    : Timelines.read(response.aggregations().get("timeline"), bucketStarts, end, request.splitBy(),
                    MAX_SERIES);
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        return new org.trailworkbench.search.SearchResponse(total, hits, next, facets, timeline, took);
    }

    static List<SortOptions> sort(org.trailworkbench.search.SortOrder order) {
        SortOrder direction = order == org.trailworkbench.search.SortOrder.NEWEST_FIRST ? SortOrder.Desc : SortOrder.Asc;
        return List.of(
                SortOptions.of(s -> s.field(f -> f.field(Schema.TIME).order(direction).missing(FieldValue.of("_last")))),
                SortOptions.of(s -> s.field(f -> f.field(Schema.ID).order(SortOrder.Asc))));
    }

    private static Aggregation facetAggregation(String dim, int size, Map<String, Query> selections) {
        Aggregation terms = Aggregation.of(a -> a.terms(t -> t.field(Schema.facet(dim)).size(size)
                .shardSize(Math.max(size * 10, 1000))
                .order(List.of(Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc)))));
        return Aggregation.of(a -> a.filter(RemoteRequests.allBut(selections, dim)).aggregations("values", terms));
    }

    private static Map<String, List<FacetCount>> facets(SearchResponse<Map> response) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            Aggregate values = response.aggregations().get(dim).filter().aggregations().get("values");
            List<FacetCount> counts = new ArrayList<>();
            values.sterms().buckets().array().forEach(b -> counts.add(new FacetCount(b.key(), b.docCount())));
            facets.put(dim, counts);
        }
        return facets;
    }

    /** Oldest and newest event time among the hits of {@code query}, or null when none has a time. */
    private long[] bounds(Query query) throws IOException {
        SearchResponse<Map> response = run(new SearchRequest.Builder().index(remote.target().index()).query(query)
                .size(0).trackTotalHits(t -> t.enabled(false))
                .aggregations("time", a -> a.stats(m -> m.field(Schema.TIME))).build());
        var stats = response.aggregations().get("time").stats();
        if (stats.count() == 0) {
            return null;
        }
        return new long[]{(long) stats.min(), (long) stats.max()};
    }

    @Override
    public boolean scan(org.trailworkbench.search.SearchRequest request, SearchService.HitVisitor visitor,
                        Cancellation cancel) throws IOException, QuerySyntaxException {
        Query base = RemoteRequests.base(request);
        Query full = RemoteRequests.full(base, RemoteRequests.selections(request));
        try (var pit = PointInTime.open(remote)) {
            visitor.total(run(new SearchRequest.Builder().query(full).size(0).pit(pit.reference())
                    .trackTotalHits(t -> t.enabled(true)).build()).hits().total().value());
            List<String> after = null;
            while (true) {
                if (cancel.isCancelled()) {
                    return false;
                }
                var page = new SearchRequest.Builder().query(full).size(SCAN_PAGE).pit(pit.reference())
                        .sort(sort(request.sort())).trackTotalHits(t -> t.enabled(false))
                        .source(s -> s.filter(f -> f.includes(SOURCE)));
                if (after != null) {
                    page.searchAfter(after);
                }
                List<Hit<Map>> hits = run(page.build()).hits().hits();
                for (Hit<Map> hit : hits) {
                    if (cancel.isCancelled()) {
                        return false;
                    }
                    visitor.hit(hit(hit));
                }
                if (hits.size() < SCAN_PAGE) {
                    return true;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        }
    }

    /** Rows under a point in time, loaded block by block as the table asks: {@link RemoteRows}. */
    @Override
    public RowSource rows(org.trailworkbench.search.SearchRequest request, Cancellation cancel)
            throws IOException, QuerySyntaxException {
        return RemoteRows.of(remote, request, cancel);
    }

    @Override
    public List<String> fieldPaths() throws IOException {
        SearchResponse<Map> response = run(new SearchRequest.Builder().index(remote.target().index()).size(0)
                .aggregations("paths", a -> a.terms(t -> t.field(Schema.PATHS).size(SPLIT_VALUES))).build());
        List<String> paths = new ArrayList<>();
        response.aggregations().get("paths").sterms().buckets().array().forEach(b -> paths.add(b.key()));
        paths.sort(Comparator.naturalOrder());
        return paths;
    }

    @Override
    public SearchService.CaseStats stats() throws IOException {
        long count;
        try {
            count = remote.client().count(c -> c.index(remote.target().index())).count();
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
        long[] bounds = bounds(DslTranslator.MATCH_ALL);
        return new SearchService.CaseStats(count, bounds == null ? null : bounds[0], bounds == null ? null : bounds[1]);
    }

    private SearchResponse<Map> run(SearchRequest request) throws RemoteFailure {
        return run(remote, request);
    }

    static SearchResponse<Map> run(RemoteCase remote, SearchRequest request) throws RemoteFailure {
        try {
            return remote.client().search(request, Map.class);
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
    }

    static EventHit hit(Hit<Map> hit) {
        Map<?, ?> source = hit.source();
        Object time = source == null ? null : source.get(Schema.TIME);
        return new EventHit(time instanceof Number n ? n.longValue() : Long.MIN_VALUE,
                source == null ? null : (String) source.get(Schema.RECORD),
                source == null ? null : (String) source.get(Schema.FILE));
    }

    private static Cursor cursor(Hit<Map> last) {
        List<String> sort = last.sort();
        return new Cursor(Long.parseLong(sort.get(0)), 0, 0, sort.get(1));
    }
}

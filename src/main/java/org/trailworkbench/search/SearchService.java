package org.trailworkbench.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.trailworkbench.index.EventDocuments;
import org.trailworkbench.index.EventIndex;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.Keywords;
import org.trailworkbench.index.Shapes;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The search API shared by the CLI and the UI: one request gives a page of events, the total, the facets
 * and the timeline. Thread-safe; each call works on the newest committed view of the index.
 */
public final class SearchService implements EventSearch {

    /** Histograms aim at about this many buckets, whatever the range. */
    public static final int TARGET_BUCKETS = 150;
    private static final int MAX_SERIES = 6;
    private static final int SCAN_PAGE = 1000;
    private static final Set<String> LOAD = Set.of(Fields.SOURCE, Fields.FILE);

    private final EventIndex index;
    private GlobalOrdinals ordinals;

    public SearchService(EventIndex index) {
        this.index = index;
    }

    public SearchResponse search(SearchRequest request) throws IOException, QuerySyntaxException {
        long started = System.nanoTime();
        Query base = baseQuery(request);
        Query full = withFacetFilters(base, request);
        boolean allEvents = matchesAllEvents(base);
        boolean everything = allEvents && request.filters().isEmpty();
        IndexSearcher searcher = index.acquire();
        try {
            long total;
            Query pageQuery = full;
            Map<String, List<FacetCount>> facets = Map.of();
            Timeline timeline = null;
            if (request.facetSize() > 0 || request.timeline()) {
                // without facet filters the base query is the full one: the pass that finds the time
                // bounds keeps the hits, and counting walks them instead of searching again
                TimeBounds.Pass pass = request.timeline() && !allEvents && request.filters().isEmpty()
                        && (request.range().from() == null || request.range().to() == null)
                        ? TimeBounds.keepingHits(searcher, full) : null;
                FacetCollectorManager.Buckets buckets = request.timeline()
                        ? buckets(searcher, full, request, everything, allEvents, pass) : null;
                List<String> dims = request.facetSize() > 0 ? Fields.FACETS : List.of();
                GlobalOrdinals ordinals = dims.isEmpty() ? null : ordinals(searcher);
                var manager = new FacetCollectorManager(dims, ordinals, selections(request), buckets);
                var result = allEvents ? manager.everything(searcher)
                        : pass != null ? manager.overHits(searcher, pass.hits())
                        : searcher.search(base, manager);
                total = result.total;
                facets = facets(dims, ordinals, result, request.facetSize());
                timeline = buckets == null ? null : timeline(buckets, result, request);
                if (buckets != null && request.after() == null && request.pageSize() > 0) {
                    pageQuery = firstPageOnly(full, buckets, result.histogram, request);
                }
            } else {
                total = searcher.count(full);
            }
            List<EventHit> hits = List.of();
            Cursor next = null;
            if (request.pageSize() > 0) {
                ScoreDoc after = request.after() == null ? null
                        : new FieldDoc(request.after().doc(), Float.NaN, new Object[]{request.after().time()},
                        request.after().shardIndex());
                TopFieldDocs page = searcher.searchAfter(after, pageQuery, request.pageSize(), sort(request.sort()), false);
                hits = load(searcher, page.scoreDocs);
                if (page.scoreDocs.length == request.pageSize()) {
                    FieldDoc last = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
                    next = new Cursor((Long) last.fields[0], last.doc, last.shardIndex);
                }
            }
            long took = (System.nanoTime() - started) / 1_000_000;
            return new SearchResponse(total, hits, next, facets, timeline, took);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * Visits every hit of the request in its sort order, all from one point-in-time view of the index, so
     * that an import committing meanwhile neither shifts nor repeats rows. For exports: facets, timeline,
     * page size and cursor of the request are ignored.
     *
     * @return whether the scan ran to the end (false when cancelled)
     */
    public boolean scan(SearchRequest request, HitVisitor visitor, Cancellation cancel)
            throws IOException, QuerySyntaxException {
        Query full = withFacetFilters(baseQuery(request), request);
        IndexSearcher searcher = index.acquire();
        try {
            visitor.total(searcher.count(full));
            Sort sort = sort(request.sort());
            ScoreDoc after = null;
            while (true) {
                if (cancel.isCancelled()) {
                    return false;
                }
                TopFieldDocs page = searcher.searchAfter(after, full, SCAN_PAGE, sort, false);
                for (EventHit hit : load(searcher, page.scoreDocs)) {
                    if (cancel.isCancelled()) {
                        return false;
                    }
                    visitor.hit(hit);
                }
                if (page.scoreDocs.length < SCAN_PAGE) {
                    return true;
                }
                after = page.scoreDocs[page.scoreDocs.length - 1];
            }
        } finally {
            index.release(searcher);
        }
    }

    /** The rows of the case's own index: a {@link HitList}, doc ids held against one view of the index. */
    @Override
    public RowSource rows(SearchRequest request, Cancellation cancel) throws IOException, QuerySyntaxException {
        return HitList.of(index, request, cancel);
    }

    /** Receives a scan's hits. */
    public interface HitVisitor {
        /** Called once, before the first hit, with the number of hits the scan will visit. */
        void total(long total) throws IOException;

        void hit(EventHit hit) throws IOException;
    }

    /**
     * The first page, from the histogram: only the buckets at the sorted end that together hold a page of
     * hits can hold the page, so the sort looks at those hits alone. Sorting every hit costs about 30 ns a hit
     * (ten million: 300 ms) because events arrive in time order, so that each one beats the last; the buckets
     * cut that to the few thousand hits of the newest (or oldest) moments. The page is the same: every hit
     * at least as new as the cut is still there, ties included.
     */
    private static Query firstPageOnly(Query full, FacetCollectorManager.Buckets buckets, long[] histogram,
                                       SearchRequest request) {
        long[] starts = buckets.starts();
        long seen = 0;
        if (request.sort() == SortOrder.NEWEST_FIRST) {
            for (int b = histogram.length - 1; b >= 0; b--) {
                seen += histogram[b];
                if (seen >= request.pageSize()) {
                    return withTimes(full, starts[b], Long.MAX_VALUE);
                }
            }
        } else {
            for (int b = 0; b < histogram.length; b++) {
                seen += histogram[b];
                if (seen >= request.pageSize()) {
                    long end = b + 1 < starts.length ? starts[b + 1] : buckets.end();
                    return withTimes(full, Long.MIN_VALUE, end - 1);
                }
            }
        }
        return full; // fewer timed hits than a page: events without a time may be on it too
    }

    private static Query withTimes(Query query, long from, long to) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(Fields.TIME, from, to), BooleanClause.Occur.FILTER)
                .build();
    }

    /** No query, no range, no filter off the facets: every event of the case, before facet filters. */
    private static boolean matchesAllEvents(Query base) {
        return base instanceof BooleanQuery bool && bool.clauses().size() == 1
                && bool.clauses().get(0).getQuery() instanceof MatchAllDocsQuery; // see baseQuery: no range clause
    }

    /** Checks a query's syntax without running it. */
    public static void validate(String query) throws QuerySyntaxException {
        EventQueryParser.parse(query);
    }

    /** The query, the time range and the filters on fields that have no facet. */
    static Query baseQuery(SearchRequest request) throws QuerySyntaxException {
        var query = new BooleanQuery.Builder();
        query.add(EventQueryParser.parse(request.query()), BooleanClause.Occur.MUST);
        TimeRange range = request.range();
        if (!range.isAll()) {
            long from = range.from() == null ? Long.MIN_VALUE : range.from();
            long to = range.to() == null ? Long.MAX_VALUE : range.to() - 1;
            query.add(LongPoint.newRangeQuery(Fields.TIME, from, to), BooleanClause.Occur.FILTER);
        }
        request.filters().forEach((field, filter) -> {
            if (!Fields.isFacet(field)) {
                addFilter(query, field, filter, false);
            }
        });
        return query.build();
    }

    /** The base query plus the facet filters, for listing hits. */
    static Query withFacetFilters(Query base, SearchRequest request) {
        var query = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
        boolean any = false;
        for (var entry : request.filters().entrySet()) {
            if (Fields.isFacet(entry.getKey())) {
                addFilter(query, entry.getKey(), entry.getValue(), true);
                any = true;
            }
        }
        return any ? query.build() : base;
    }

    private static void addFilter(BooleanQuery.Builder query, String field, FacetFilter filter, boolean exact) {
        if (!filter.include().isEmpty()) {
            var anyOf = new BooleanQuery.Builder();
            for (String value : filter.include()) {
                anyOf.add(valueQuery(field, value, exact), BooleanClause.Occur.SHOULD);
            }
            query.add(anyOf.build(), BooleanClause.Occur.FILTER);
        }
        for (String value : filter.exclude()) {
            query.add(valueQuery(field, value, exact), BooleanClause.Occur.MUST_NOT);
        }
        if (filter.include().isEmpty() && !filter.exclude().isEmpty()) {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        }
    }

    /** The keyword term finds candidates fast; on facet fields the doc values then check the exact case. */
    private static Query valueQuery(String field, String value, boolean exact) {
        if (Fields.FILE.equals(field)) { // the source file id is one exact term, not a path=value keyword
            return new TermQuery(new Term(Fields.FILE, value));
        }
        Query keyword = Keywords.value(field, value);
        if (!exact) {
            return keyword;
        }
        return new BooleanQuery.Builder()
                .add(keyword, BooleanClause.Occur.FILTER)
                .add(SortedSetDocValuesField.newSlowSetQuery(field, List.of(new BytesRef(value))), BooleanClause.Occur.FILTER)
                .build();
    }

    private static List<FacetCollectorManager.Selection> selections(SearchRequest request) {
        List<FacetCollectorManager.Selection> selections = new ArrayList<>();
        request.filters().forEach((field, filter) -> {
            if (Fields.isFacet(field)) {
                selections.add(new FacetCollectorManager.Selection(field, filter.include(), filter.exclude()));
            }
        });
        return selections;
    }

    private static Sort sort(SortOrder order) {
        SortField time = new SortField(Fields.TIME, SortField.Type.LONG, order == SortOrder.NEWEST_FIRST);
        time.setMissingValue(order == SortOrder.NEWEST_FIRST ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(time);
    }

    /**
     * Buckets for the request's range; an open range is closed at the oldest and newest hit, so that a
     * narrow query is drawn across the width of the chart rather than as a spike in an empty case.
     */
    private FacetCollectorManager.Buckets buckets(IndexSearcher searcher, Query full, SearchRequest request,
                                                  boolean everything, boolean allEvents, TimeBounds.Pass pass)
            throws IOException {
        String split = request.splitBy();
        Long from = request.range().from();
        Long to = request.range().to();
        if (from == null || to == null) {
            long[] hitBounds = hitBounds(searcher, full, request, everything, allEvents, pass);
            Long oldest = hitBounds == null ? null : hitBounds[0];
            Long newest = hitBounds == null ? null : hitBounds[1];
            if (oldest == null || newest == null) {
                return new FacetCollectorManager.Buckets(new long[0], 0, split); // no hits: no buckets
            }
            from = from == null ? oldest : from;
            to = to == null ? newest + 1 : to;
        }
        BucketInterval interval = BucketInterval.choose(from, to, TARGET_BUCKETS);
        long[] starts = interval.starts(from, to);
        long end = interval.next(starts[starts.length - 1]);
        return new FacetCollectorManager.Buckets(starts, end, split);
    }

    /** {oldest, newest} of the request's hits, or null: by the cheapest way that the request allows. */
    private long[] hitBounds(IndexSearcher searcher, Query full, SearchRequest request, boolean everything,
                             boolean allEvents, TimeBounds.Pass pass) throws IOException {
        if (everything) { // the index's own bounds, no search at all
            Long oldest = timeBound(searcher, true);
            Long newest = timeBound(searcher, false);
            return oldest == null || newest == null ? null : new long[]{oldest, newest};
        }
        if (allEvents) { // facet filters alone: a scan of their columns
            return new FacetCollectorManager(Fields.FACETS, null, selections(request), null).boundsOfAll(searcher);
        }
        return pass != null ? pass.bounds() : TimeBounds.of(searcher, full);
    }

    /**
     * The oldest or newest event time of the view, from the points' bounds. These may still count an event
     * replaced by a re-delivery of itself, which has the same time; at worst the chart starts a moment early.
     */
    private static Long timeBound(IndexSearcher searcher, boolean oldest) throws IOException {
        var reader = searcher.getIndexReader();
        byte[] bound = oldest ? PointValues.getMinPackedValue(reader, Fields.TIME)
                : PointValues.getMaxPackedValue(reader, Fields.TIME);
        return bound == null ? null : LongPoint.decodeDimension(bound, 0);
    }

    /** The global ordinals of the searcher's view, built on its first search and reused by the next ones. */
    private GlobalOrdinals ordinals(IndexSearcher searcher) throws IOException {
        synchronized (this) {
            ordinals = GlobalOrdinals.of(searcher.getIndexReader(), Fields.FACETS, ordinals);
            return ordinals;
        }
    }

    /** The top values of each dimension by count, ties in value order; only those become text. */
    private static Map<String, List<FacetCount>> facets(List<String> dims, GlobalOrdinals ordinals,
                                                        FacetCollectorManager.Result result, int size) throws IOException {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            long[] counts = result.counts.get(d);
            // a min-heap of the best `size` ordinals: worst on top (fewest hits, then the later value)
            PriorityQueue<Integer> best = new PriorityQueue<>(size + 1, (a, b) -> counts[a] != counts[b]
                    ? Long.compare(counts[a], counts[b]) : Integer.compare(b, a));
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    best.add(ord);
                    if (best.size() > size) {
                        best.poll();
                    }
                }
            }
            List<FacetCount> top = new ArrayList<>(best.size());
            while (!best.isEmpty()) {
                int ord = best.poll();
                top.add(new FacetCount(ordinals.label(d, ord), counts[ord]));
            }
            java.util.Collections.reverse(top);
            facets.put(dims.get(d), top);
        }
        return facets;
    }

    private static Timeline timeline(FacetCollectorManager.Buckets buckets, FacetCollectorManager.Result result,
                                     SearchRequest request) {
        Map<String, long[]> series = new LinkedHashMap<>();
        if (buckets.splitBy() != null) {
            var byTotal = result.series.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue()))
                            .thenComparing(Map.Entry::getKey))
                    .toList();
            long[] other = null;
            for (int i = 0; i < byTotal.size(); i++) {
                var entry = byTotal.get(i);
                if (i < MAX_SERIES) {
                    series.put(entry.getKey(), entry.getValue());
                } else {
                    other = other == null ? new long[entry.getValue().length] : other;
                    for (int b = 0; b < other.length; b++) {
                        other[b] += entry.getValue()[b];
                    }
                }
            }
            if (other != null) {
                series.put(Timeline.OTHER, other);
            }
        }
        long[] starts = buckets.starts();
        BucketInterval interval = starts.length < 2 ? BucketInterval.HOUR
                : BucketInterval.choose(starts[0], buckets.end(), TARGET_BUCKETS);
        return new Timeline(interval, starts, buckets.end(), result.histogram, series, buckets.splitBy());
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static List<EventHit> load(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<EventHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            var document = stored.document(doc.doc, LOAD);
            long time = doc instanceof FieldDoc fd ? (Long) fd.fields[0] : Long.MIN_VALUE;
            hits.add(new EventHit(time, EventDocuments.sourceOf(document), document.get(Fields.FILE)));
        }
        return hits;
    }

    /** Every field path present in the case, for completion and column choosers. */
    public List<String> fieldPaths() throws IOException {
        return index.withSearcher(searcher -> {
            Set<String> paths = new TreeSet<>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(Fields.SHAPE);
                if (terms != null && paths.size() < 100_000) {
                    Shapes.forEachPath(terms, paths::add);
                }
            }
            return List.copyOf(paths);
        });
    }

    /** Events in the case and the time they span. */
    public CaseStats stats() throws IOException {
        return index.withSearcher(searcher -> {
            var reader = searcher.getIndexReader();
            byte[] min = PointValues.getMinPackedValue(reader, Fields.TIME);
            byte[] max = PointValues.getMaxPackedValue(reader, Fields.TIME);
            Long oldest = min == null ? null : LongPoint.decodeDimension(min, 0);
            Long newest = max == null ? null : LongPoint.decodeDimension(max, 0);
            return new CaseStats(reader.numDocs(), oldest, newest);
        });
    }

    /** @param events documents; @param oldest, newest event times (epoch ms) or null for an empty case */
    public record CaseStats(long events, Long oldest, Long newest) {
    }
}

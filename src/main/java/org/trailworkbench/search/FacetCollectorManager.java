package org.trailworkbench.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.trailworkbench.index.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the hits of the base query (text, time, non-facet filters) that yields the total, the
 * facet counts and the histogram together. Facet filters are checked here on doc values rather than in
 * the query, which is what makes the counts drill-sideways: a document that fails exactly one dimension's
 * filter still counts towards that dimension, so a selected dimension keeps showing its other values.
 */
final class FacetCollectorManager implements CollectorManager<FacetCollectorManager.SliceCollector, FacetCollectorManager.Result> {

    /** A filter on a facet dimension, by exact value. */
    record Selection(String field, Set<String> include, Set<String> exclude) {
    }

    /** The histogram's buckets; {@code starts} sorted, the last bucket ending at {@code end}. */
    static final class Buckets {
        private final long[] starts;
        private final long end;
        private final String splitBy;
        /** The width of every bucket when they are all alike (all but months), else 0. */
        private final long width;

        Buckets(long[] starts, long end, String splitBy) {
            this.starts = starts;
            this.end = end;
            this.splitBy = splitBy;
            long w = starts.length == 0 ? 0 : end - starts[starts.length - 1];
            for (int i = 1; i < starts.length && w > 0; i++) {
                if (starts[i] - starts[i - 1] != w) {
                    w = 0;
                }
            }
            this.width = w;
        }

        long[] starts() {
            return starts;
        }

        long end() {
            return end;
        }

        String splitBy() {
            return splitBy;
        }

        int indexOf(long time) {
            if (starts.length == 0 || time < starts[0] || time >= end) {
                return -1;
            }
            if (width > 0) {
                return (int) ((time - starts[0]) / width); // a division instead of a search: once per hit
            }
            int i = java.util.Arrays.binarySearch(starts, time);
            return i >= 0 ? i : -i - 2;
        }
    }

    static final class Result {
        long total;
        /** Per dimension, hits per global ordinal. */
        final List<long[]> counts = new ArrayList<>();
        long[] histogram;
        final Map<String, long[]> series = new HashMap<>();
    }

    /** Hits per counting batch: small enough to stay in the first-level cache. */
    private static final int BATCH = 1024;

    private final List<String> dims;
    private final List<Selection> selections;
    private final Buckets buckets;

    private final GlobalOrdinals ordinals;

    /** @param ordinals global ordinals of the searched reader for {@code dims} (null when dims is empty) */
    FacetCollectorManager(List<String> dims, GlobalOrdinals ordinals, List<Selection> selections, Buckets buckets) {
        if (!dims.isEmpty() && !dims.equals(Fields.FACETS)) {
            throw new IllegalArgumentException("facets are counted for all of Fields.FACETS or none");
        }
        this.dims = dims;
        this.ordinals = ordinals;
        this.selections = selections;
        this.buckets = buckets;
    }

    /** Per segment view (with its deletions), the facet counts of all its events: what "everything" shows. */
    private static final Map<org.apache.lucene.index.IndexReader.CacheKey, int[][]> EVERYTHING =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The result of a query that matches every event, without filters: the counts per segment are computed
     * once and kept, since a segment never changes, so only the histogram pass remains. The analyst's first
     * query on a case, and the one most often repeated, costs next to nothing.
     */
    /** Per segment view and set of buckets, the histogram of all its events (without a split). */
    private static final Map<HistogramKey, long[]> EVERYTHING_HISTOGRAMS = new java.util.concurrent.ConcurrentHashMap<>();

    private record HistogramKey(org.apache.lucene.index.IndexReader.CacheKey segment, long first, long end, int buckets) {
    }

    /**
     * The result over every event of the case, through the facet filters if any (the query itself matches
     * all). Without filters, the cached counts of every segment. With filters that keep most events (an
     * analyst clicking the biggest value of a facet), the cached counts minus those of the events the
     * filters leave out: far fewer to count than the events they keep.
     */
    Result everything(org.apache.lucene.search.IndexSearcher searcher) throws IOException {
        return reduce(perSegment(searcher, segment -> {
            if (selections.isEmpty()) {
                segment.collectEverything();
            } else if (segment.keepsMost()) {
                segment.collectAllButLeftOut();
            } else {
                segment.collectEach();
            }
            return segment.sliceCollector();
        }));
    }

    /**
     * The result over hits already found (by leaf ord; see {@link TimeBounds#keepingHits}), without running
     * the query again: for requests without facet filters, whose base query is then the full query.
     */
    Result overHits(org.apache.lucene.search.IndexSearcher searcher, org.apache.lucene.util.FixedBitSet[] hits)
            throws IOException {
        if (!selections.isEmpty()) {
            throw new IllegalStateException("the hits of the full query are not the base query's");
        }
        return reduce(perSegment(searcher, segment -> {
            org.apache.lucene.util.FixedBitSet bits = hits[segment.context.ord];
            if (bits != null) {
                var it = new org.apache.lucene.util.BitSetIterator(bits, 0);
                for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    segment.collect(doc);
                }
            }
            return segment.sliceCollector();
        }));
    }

    /**
     * The oldest and newest time of the events the facet filters keep, the query matching all, or null when
     * none has a time: the filters checked on the facet columns, far cheaper than running them as a query.
     */
    long[] boundsOfAll(org.apache.lucene.search.IndexSearcher searcher) throws IOException {
        long[] bounds = {Long.MAX_VALUE, Long.MIN_VALUE};
        for (long[] b : perSegment(searcher, Segment::bounds)) {
            bounds[0] = Math.min(bounds[0], b[0]);
            bounds[1] = Math.max(bounds[1], b[1]);
        }
        return bounds[0] > bounds[1] ? null : bounds;
    }

    /** One pass per segment, the segments in parallel on the searcher's executor. */
    private <T> List<T> perSegment(org.apache.lucene.search.IndexSearcher searcher, SegmentPass<T> pass) throws IOException {
        List<java.util.concurrent.Callable<T>> tasks = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            tasks.add(() -> pass.run(new Segment(leaf)));
        }
        return searcher.getTaskExecutor().invokeAll(tasks);
    }

    private interface SegmentPass<T> {
        T run(Segment segment) throws IOException;
    }

    @Override
    public SliceCollector newCollector() {
        return new SliceCollector();
    }

    @Override
    public Result reduce(Collection<SliceCollector> collectors) {
        Result merged = newResult();
        merged.histogram = buckets == null ? new long[0] : new long[buckets.starts().length];
        for (SliceCollector c : collectors) {
            c.flush();
            merged.total += c.result.total;
            for (int d = 0; d < dims.size(); d++) {
                add(merged.counts.get(d), c.result.counts.get(d));
            }
            add(merged.histogram, c.result.histogram);
            c.result.series.forEach((k, v) -> add(merged.series.computeIfAbsent(k, x -> new long[v.length]), v));
        }
        return merged;
    }

    private Result newResult() {
        Result result = new Result();
        for (int d = 0; d < dims.size(); d++) {
            result.counts.add(new long[ordinals.valueCount(d)]);
        }
        result.histogram = buckets == null ? new long[0] : new long[buckets.starts().length];
        return result;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < from.length; i++) {
            into[i] += from[i];
        }
    }

    /** Collects one slice of segments; per-segment ordinal counts are turned into labels between segments. */
    final class SliceCollector implements Collector {
        final Result result = newResult();
        private Segment current;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            flush();
            current = new Segment(context);
            return current;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        void flush() {
            if (current != null) {
                try {
                    current.flushInto(result);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                current = null;
            }
        }
    }

    private final class Segment implements LeafCollector {
        private final SortedSetDocValues[] dimValues;
        /** The same values where a segment has at most one per document (most dimensions): a cheaper read. */
        private final SortedDocValues[] singleValues;
        private int[][] dimCounts;
        private final SortedSetDocValues[] selectionValues;
        private final java.util.BitSet[] includeOrds;
        private final java.util.BitSet[] excludeOrds;
        private final int[] selectionDim;
        /** Per filter on a dimension held in a column: whether it keeps each ordinal + 1 (0: no value). */
        private final boolean[][] keepsPlusOne;
        private final NumericDocValues times;
        private final SortedSetDocValues splitValues;
        private final Map<Long, long[]> splitCounts = new HashMap<>();
        private long total;
        private final long[] histogram;
        private final int leafOrd;
        private final LeafReaderContext context;
        private final SegmentColumns columns;
        /** Hits kept by every filter, counted a batch at a time (see {@link #countBatch()}). */
        private final int[] batch = new int[BATCH];
        private int batched;
        /** Per dimension held in a column, counts by ordinal + 1 (0: no value); null until used. */
        private final int[][] plusOneCounts;

        Segment(LeafReaderContext context) throws IOException {
            var reader = context.reader();
            leafOrd = context.ord;
            this.context = context;
            columns = dims.isEmpty() && buckets == null && selections.isEmpty() ? null : SegmentColumns.of(reader);
            dimValues = new SortedSetDocValues[dims.size()];
            singleValues = new SortedDocValues[dims.size()];
            dimCounts = new int[dims.size()][];
            for (int d = 0; d < dims.size(); d++) {
                dimValues[d] = DocValues.getSortedSet(reader, dims.get(d));
                singleValues[d] = DocValues.unwrapSingleton(dimValues[d]);
                long valueCount = dimValues[d].getValueCount();
                dimCounts[d] = new int[(int) Math.min(valueCount, Integer.MAX_VALUE - 8)];
            }
            int s = selections.size();
            selectionValues = new SortedSetDocValues[s];
            includeOrds = new java.util.BitSet[s];
            excludeOrds = new java.util.BitSet[s];
            selectionDim = new int[s];
            keepsPlusOne = new boolean[s][];
            for (int i = 0; i < s; i++) {
                Selection selection = selections.get(i);
                selectionValues[i] = DocValues.getSortedSet(reader, selection.field());
                includeOrds[i] = ords(selectionValues[i], selection.include());
                excludeOrds[i] = ords(selectionValues[i], selection.exclude());
                selectionDim[i] = dims.indexOf(selection.field());
                keepsPlusOne[i] = selectionDim[i] >= 0 && columns != null && columns.ordPlusOne(selectionDim[i], 0) >= 0
                        ? keeps(selectionValues[i].getValueCount(), includeOrds[i], excludeOrds[i], !selection.include().isEmpty())
                        : null;
            }
            times = buckets == null ? null : DocValues.getNumeric(reader, Fields.TIME);
            splitValues = buckets == null || buckets.splitBy() == null ? null
                    : DocValues.getSortedSet(reader, buckets.splitBy());
            histogram = buckets == null ? null : new long[buckets.starts().length];
            plusOneCounts = new int[dims.size()][];
        }

        private static java.util.BitSet ords(SortedSetDocValues values, Set<String> labels) throws IOException {
            var set = new java.util.BitSet();
            for (String label : labels) {
                long ord = values.lookupTerm(new BytesRef(label));
                if (ord >= 0) {
                    set.set((int) ord);
                }
            }
            return set;
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        /** Oldest and newest time of the live documents the filters keep ({MAX, MIN} when none). */
        long[] bounds() throws IOException {
            var reader = context.reader();
            org.apache.lucene.util.Bits live = reader.getLiveDocs();
            if (keepsPlusOne.length == 1 && keepsPlusOne[0] != null && columns.holdsTimes()) { // one click on a facet
                return columns.timeBoundsKept(selectionDim[0], keepsPlusOne[0], live);
            }
            NumericDocValues times = columns.holdsTimes() ? null : DocValues.getNumeric(reader, Fields.TIME);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int doc = 0, end = reader.maxDoc(); doc < end; doc++) {
                if (live != null && !live.get(doc) || !passesAll(doc)) {
                    continue;
                }
                long time = times == null ? columns.time(doc) : times.advanceExact(doc) ? times.longValue() : Long.MIN_VALUE;
                if (time != Long.MIN_VALUE) {
                    min = Math.min(min, time);
                    max = Math.max(max, time);
                }
            }
            return new long[]{min, max};
        }

        private boolean passesAll(int doc) throws IOException {
            for (int i = 0; i < selectionValues.length; i++) {
                if (!passes(i, doc)) {
                    return false;
                }
            }
            return true;
        }

        /** This segment's counts as a slice of their own, for {@link #reduce}. */
        SliceCollector sliceCollector() {
            SliceCollector collector = newCollector();
            collector.current = this;
            return collector;
        }

        /** Collects every live document through the filters, one by one. */
        void collectEach() throws IOException {
            org.apache.lucene.util.Bits live = context.reader().getLiveDocs();
            for (int doc = 0, max = context.reader().maxDoc(); doc < max; doc++) {
                if (live == null || live.get(doc)) {
                    collect(doc);
                }
            }
        }

        /**
         * Whether the filters keep more than half of the segment's events, as estimated from its cached
         * counts of everything (exact for one filter on a dimension with one value per event). Without
         * those counts, or with a filter off the facet dimensions, no.
         */
        boolean keepsMost() {
            var helper = context.reader().getReaderCacheHelper();
            int[][] all = helper == null || dims.isEmpty() || buckets != null && buckets.splitBy() != null
                    ? null : EVERYTHING.get(helper.getKey());
            int events = context.reader().numDocs();
            if (all == null || events == 0) {
                return false;
            }
            double kept = 1;
            for (int i = 0; i < selectionDim.length; i++) {
                int d = selectionDim[i];
                if (d < 0) {
                    return false;
                }
                boolean[] keeps = keeps(all[d].length, includeOrds[i], excludeOrds[i],
                        !selections.get(i).include().isEmpty());
                long passing = 0;
                long valued = 0;
                for (int ord = 0; ord < all[d].length; ord++) {
                    valued += all[d][ord];
                    passing += keeps[ord + 1] ? all[d][ord] : 0;
                }
                if (keeps[0]) {
                    passing += Math.max(0, events - valued); // the events without a value
                }
                kept *= Math.min(1.0, passing / (double) events);
            }
            return kept > 0.5;
        }

        /**
         * Every live document, then takes back the documents the filters leave out: the result is the same
         * as collecting each kept one, drill-sideways included (a document failing exactly one filter
         * stays counted in that filter's dimension).
         */
        void collectAllButLeftOut() throws IOException {
            collectEverything();
            int[][] own = new int[dimCounts.length][];
            for (int d = 0; d < own.length; d++) {
                own[d] = dimCounts[d].clone(); // the cached arrays are shared
            }
            dimCounts = own;
            org.apache.lucene.util.Bits live = context.reader().getLiveDocs();
            if (keepsPlusOne.length == 1 && keepsPlusOne[0] != null) { // one filter, the usual click: a column scan
                columns.forEachLeftOut(selectionDim[0], keepsPlusOne[0], doc -> {
                    if (live == null || live.get(doc)) {
                        takeBack(doc, selectionDim[0]);
                    }
                });
                return;
            }
            for (int doc = 0, max = context.reader().maxDoc(); doc < max; doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int failedSelection = -1;
                int failures = 0;
                for (int i = 0; i < selectionValues.length && failures < 2; i++) {
                    if (!passes(i, doc)) {
                        failures++;
                        failedSelection = i;
                    }
                }
                if (failures == 0) {
                    continue;
                }
                takeBack(doc, failures == 1 ? selectionDim[failedSelection] : -1);
            }
        }

        /** Uncounts a document the filters leave out, except in {@code keptIn}, the dimension of the one filter it fails. */
        private void takeBack(int doc, int keptIn) throws IOException {
            for (int d = 0; d < dimValues.length; d++) {
                if (d != keptIn) {
                    count(d, doc, -1);
                }
            }
            total--;
            if (histogram != null) {
                countTime(doc, -1);
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            int failedSelection = -1;
            for (int i = 0; i < selectionValues.length; i++) {
                if (!passes(i, doc)) {
                    if (failedSelection >= 0) {
                        return; // fails two dimensions: counts nowhere
                    }
                    failedSelection = i;
                }
            }
            if (failedSelection >= 0) {
                int d = selectionDim[failedSelection];
                if (d >= 0) {
                    count(d, doc, 1);
                }
                return;
            }
            total++;
            batch[batched++] = doc;
            if (batched == BATCH) {
                countBatch();
            }
        }

        /** Counts the batched hits in every dimension and the histogram, one dimension at a time. */
        private void countBatch() throws IOException {
            for (int d = 0; d < dimValues.length; d++) {
                if (plusOneCounts[d] == null && columns.ordPlusOne(d, 0) >= 0) {
                    plusOneCounts[d] = new int[dimCounts[d].length + 1];
                }
                if (plusOneCounts[d] == null || !columns.countPlusOne(d, batch, batched, plusOneCounts[d])) {
                    for (int i = 0; i < batched; i++) {
                        count(d, batch[i], 1);
                    }
                }
            }
            if (histogram != null) {
                for (int i = 0; i < batched; i++) {
                    countTime(batch[i], 1);
                }
            }
            batched = 0;
        }

        private void countTime(int doc, int by) throws IOException {
            long time = time(doc);
            if (time != Long.MIN_VALUE) {
                int bucket = buckets.indexOf(time);
                if (bucket >= 0) {
                    histogram[bucket] += by;
                    if (splitValues != null) {
                        long ord = splitValues.advanceExact(doc) ? splitValues.nextOrd() : -1;
                        splitCounts.computeIfAbsent(ord, o -> new long[histogram.length])[bucket] += by;
                    }
                }
            }
        }

        /** Collects every live document, with facet counts taken from (or put into) the per-segment cache. */
        void collectEverything() throws IOException {
            var reader = context.reader();
            org.apache.lucene.util.Bits live = reader.getLiveDocs();
            var helper = reader.getReaderCacheHelper();
            int[][] cached = helper == null || dims.isEmpty() ? null : EVERYTHING.get(helper.getKey());
            HistogramKey histogramKey = helper == null || buckets == null || splitValues != null ? null
                    : new HistogramKey(helper.getKey(), buckets.starts().length == 0 ? 0 : buckets.starts()[0],
                    buckets.end(), buckets.starts().length);
            long[] cachedHistogram = histogramKey == null ? null : EVERYTHING_HISTOGRAMS.get(histogramKey);
            if (cached != null) {
                dimCounts = cached;
            }
            if (cachedHistogram != null) {
                System.arraycopy(cachedHistogram, 0, histogram, 0, histogram.length);
            }
            boolean countFacets = cached == null;
            boolean countTimes = buckets != null && cachedHistogram == null;
            if (!countFacets && !countTimes) {
                total = reader.numDocs();
                return;
            }
            for (int doc = 0, max = reader.maxDoc(); doc < max; doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                total++;
                if (countFacets) {
                    for (int d = 0; d < dimValues.length; d++) {
                        count(d, doc, 1);
                    }
                }
                if (countTimes) {
                    countTime(doc, 1);
                }
            }
            if (countFacets && helper != null && !dims.isEmpty()
                    && EVERYTHING.putIfAbsent(helper.getKey(), dimCounts) == null) {
                helper.addClosedListener(EVERYTHING::remove);
            }
            if (countTimes && histogramKey != null
                    && EVERYTHING_HISTOGRAMS.putIfAbsent(histogramKey, histogram.clone()) == null) {
                helper.addClosedListener(key -> EVERYTHING_HISTOGRAMS.keySet().removeIf(k -> k.segment() == key));
            }
        }

        /** The event's time, or Long.MIN_VALUE when it has none or no histogram is asked for. */
        private long time(int doc) throws IOException {
            if (times == null) {
                return Long.MIN_VALUE;
            }
            if (columns.holdsTimes()) {
                return columns.time(doc);
            }
            return times.advanceExact(doc) ? times.longValue() : Long.MIN_VALUE;
        }

        private static boolean[] keeps(long valueCount, java.util.BitSet include, java.util.BitSet exclude, boolean wantsInclude) {
            boolean[] keeps = new boolean[(int) valueCount + 1];
            keeps[0] = !wantsInclude;
            for (int ord = 0; ord < valueCount; ord++) {
                keeps[ord + 1] = !exclude.get(ord) && (include.get(ord) || !wantsInclude);
            }
            return keeps;
        }

        private boolean passes(int selection, int doc) throws IOException {
            boolean[] keeps = keepsPlusOne[selection];
            if (keeps != null) {
                return keeps[columns.ordPlusOne(selectionDim[selection], doc)];
            }
            java.util.BitSet include = includeOrds[selection];
            boolean wantsInclude = !selections.get(selection).include().isEmpty();
            int d = selectionDim[selection];
            int ordPlusOne = d >= 0 && columns != null ? columns.ordPlusOne(d, doc) : -1;
            if (ordPlusOne == 0) {
                return !wantsInclude;
            }
            if (ordPlusOne > 0) {
                int ord = ordPlusOne - 1;
                return !excludeOrds[selection].get(ord) && (include.get(ord) || !wantsInclude);
            }
            SortedSetDocValues values = selectionValues[selection];
            if (!values.advanceExact(doc)) {
                return !wantsInclude;
            }
            boolean included = false;
            for (int i = 0, n = values.docValueCount(); i < n; i++) {
                int ord = (int) values.nextOrd();
                if (excludeOrds[selection].get(ord)) {
                    return false;
                }
                included |= include.get(ord);
            }
            return included || !wantsInclude;
        }

        /** Adds {@code by} (1, or -1 to take a document back) to the counts of the document's values. */
        private void count(int d, int doc, int by) throws IOException {
            int ordPlusOne = columns.ordPlusOne(d, doc);
            if (ordPlusOne >= 0) {
                if (ordPlusOne > 0) {
                    dimCounts[d][ordPlusOne - 1] += by;
                }
                return;
            }
            SortedDocValues single = singleValues[d];
            if (single != null) {
                if (single.advanceExact(doc)) {
                    dimCounts[d][single.ordValue()] += by;
                }
                return;
            }
            SortedSetDocValues values = dimValues[d];
            if (values.advanceExact(doc)) {
                for (int i = 0, n = values.docValueCount(); i < n; i++) {
                    dimCounts[d][(int) values.nextOrd()] += by;
                }
            }
        }

        void flushInto(Result into) throws IOException {
            countBatch();
            for (int d = 0; d < dimValues.length; d++) {
                int[] plusOne = plusOneCounts[d];
                if (plusOne != null) {
                    for (int ord = 1; ord < plusOne.length; ord++) {
                        dimCounts[d][ord - 1] += plusOne[ord];
                    }
                }
            }
            into.total += total;
            for (int d = 0; d < dimValues.length; d++) {
                int[] counts = dimCounts[d];
                long[] target = into.counts.get(d);
                var toGlobal = ordinals.toGlobal(d, leafOrd);
                for (int ord = 0; ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        target[(int) toGlobal.get(ord)] += counts[ord];
                    }
                }
            }
            if (histogram != null) {
                add(into.histogram, histogram);
                for (var entry : splitCounts.entrySet()) {
                    String label = entry.getKey() < 0 ? Timeline.MISSING
                            : splitValues.lookupOrd(entry.getKey()).utf8ToString();
                    add(into.series.computeIfAbsent(label, k -> new long[histogram.length]), entry.getValue());
                }
            }
        }
    }
}

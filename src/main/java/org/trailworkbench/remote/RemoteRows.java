package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.Hit;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.RowSource;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every hit of a request on a remote case as the event table's rows, in the order {@link RemoteSearch} pages
 * through (time, then id). All requests go to one point in time, so row {@code i} stays hit {@code i} while the
 * table is open, whatever an import adds meanwhile.
 *
 * <p>Rows come in blocks of {@value #BLOCK}, by {@code search_after} from the sort key of the block before's last
 * hit; the last {@value #KEEP_BLOCKS} blocks are kept, and the sort keys of block ends, so scrolling costs one
 * request per block. A block whose predecessor is unknown (a jump): within the cluster's default result window
 * ({@value #RESULT_WINDOW} hits) it is asked for by {@code from}/{@code size}; beyond it, hits are counted per
 * slice of time ({@value #SLICES} slices a request, the slice holding the row is sliced again) until the row lies
 * within a window's reach of its slice's start, then one {@code from}/{@code size} inside the slice gives its sort
 * key: a handful of requests at any depth. Only when more than a window of hits share one millisecond, or the row
 * is among hits without a time, are the hits in between walked from the nearest known key, {@value #RESULT_WINDOW}
 * sort keys a request without their documents (about a hundred requests a million rows).
 *
 * <p>A point in time lives five minutes past its last use; when it has expired (the table was left alone) a
 * new one is opened and the rows come from that one, which may differ if the index changed meanwhile.
 */
public final class RemoteRows implements RowSource {

    static final int BLOCK = 500;
    static final int RESULT_WINDOW = 10_000;
    private static final int KEEP_BLOCKS = 16;
    private static final int KEEP_KEYS = 100_000;
    static final int SLICES = 100;

    private final RemoteCase remote;
    private final Query query;
    private final List<SortOptions> sort;
    private final int size;
    private final Map<Integer, List<Hit<Map>>> blocks = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Hit<Map>>> eldest) {
            return size() > KEEP_BLOCKS;
        }
    };
    /** Row position to the sort values of the hit there: where a search_after can start. */
    private final TreeMap<Integer, List<String>> keys = new TreeMap<>();
    private final boolean newestFirst;
    private PointInTime pit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean walkOnly;
    private int requests;

    private RemoteRows(RemoteCase remote, Query query, org.trailworkbench.search.SortOrder order, PointInTime pit, int size) {
        this.remote = remote;
        this.newestFirst = order == org.trailworkbench.search.SortOrder.NEWEST_FIRST;
        this.query = query;
        this.sort = RemoteSearch.sort(order);
        this.pit = pit;
        this.size = size;
    }

    /**
     * Opens a point in time and counts the request's hits (query, range, filters, sort; paging, facets and
     * timeline are ignored).
     *
     * @throws CancellationException when {@code cancel} fired meanwhile
     */
    public static RemoteRows of(RemoteCase remote, org.trailworkbench.search.SearchRequest request, Cancellation cancel)
            throws IOException, QuerySyntaxException {
        Query full = RemoteRequests.full(RemoteRequests.base(request), RemoteRequests.selections(request));
        if (cancel.isCancelled()) {
            throw new CancellationException();
        }
        PointInTime pit = PointInTime.open(remote);
        try {
            long total = RemoteSearch.run(remote, new SearchRequest.Builder().query(full).size(0).pit(pit.reference())
                    .trackTotalHits(t -> t.enabled(true)).build()).hits().total().value();
            if (cancel.isCancelled()) {
                throw new CancellationException();
            }
            // the table counts rows in an int, as the local hit list does
            return new RemoteRows(remote, full, request.sort(), pit,
                    (int) Math.min(Integer.MAX_VALUE - 8, total));
        } catch (IOException | RuntimeException e) {
            pit.close();
            throw e;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public synchronized List<EventHit> load(int from, int count) throws IOException {
        if (closed.get()) {
            throw new IOException("this list of hits is closed; run the search again");
        }
        int start = Math.max(0, from);
        int end = Math.min(size, from + Math.max(0, count));
        List<EventHit> rows = new ArrayList<>(Math.max(0, end - start));
        for (int i = start; i < end; ) {
            int block = i / BLOCK;
            List<Hit<Map>> hits;
            try {
                hits = block(block);
            } catch (RemoteFailure e) {
                if (!expired(e)) {
                    throw e;
                }
                reopen();
                hits = block(block);
            }
            int upTo = Math.min(end, (block + 1) * BLOCK);
            for (; i < upTo; i++) {
                int at = i - block * BLOCK;
                if (at >= hits.size()) {
                    return rows; // the index lost events since the count: fewer rows than promised
                }
                rows.add(RemoteSearch.hit(hits.get(at)));
            }
        }
        return rows;
    }

    private List<Hit<Map>> block(int block) throws RemoteFailure {
        List<Hit<Map>> cached = blocks.get(block);
        if (cached != null) {
            return cached;
        }
        int start = block * BLOCK;
        int count = Math.min(BLOCK, size - start);
        List<Hit<Map>> hits;
        if (start == 0) {
            hits = fetch(null, 0, count, true);
        } else if (keys.containsKey(start - 1)) {
            hits = fetch(keys.get(start - 1), 0, count, true);
        } else if (start + count <= RESULT_WINDOW) {
            hits = fetch(null, start, count, true);
        } else {
            List<String> key = walkOnly ? null : byTime(start - 1);
            if (key != null) {
                remember(start - 1, key);
            }
            hits = fetch(key != null ? key : walkTo(start - 1), 0, count, true);
        }
        if (!hits.isEmpty()) {
            remember(start + hits.size() - 1, hits.get(hits.size() - 1).sort());
        }
        blocks.put(block, hits);
        return hits;
    }

    /**
     * The sort key of the hit at {@code position}, found by counting hits per slice of time; null when the row
     * is among hits without a time or more than a window of hits share its millisecond.
     */
    private List<String> byTime(int position) throws RemoteFailure {
        var stats = search(new SearchRequest.Builder().query(query).pit(pit.reference()).size(0)
                .trackTotalHits(t -> t.enabled(false))
                .aggregations("time", a -> a.stats(m -> m.field(Schema.TIME))).build()).aggregations().get("time").stats();
        if (stats.count() <= position) {
            return null; // hits without a time come last, in either order
        }
        long low = (long) stats.min();
        long high = (long) stats.max();
        long before = 0; // hits ahead of [low, high] in the list's order
        while (true) {
            long offset = position - before;
            if (offset < RESULT_WINDOW) {
                // the hits of [low, high] are consecutive in the list, in the list's order
                Query slice = Dsl.timeRange(low, high).query;
                Query within = Query.of(q -> q.bool(b -> b.must(query).filter(slice)));
                List<Hit<Map>> hit = fetch(within, null, (int) offset, 1, false);
                return hit.isEmpty() ? null : hit.get(0).sort();
            }
            if (low == high) {
                return null;
            }
            long width = Math.max(1, (high - low) / SLICES + 1);
            List<long[]> slices = new ArrayList<>();
            for (long from = low; from <= high && from >= low; from += width) {
                slices.add(new long[]{from, Math.min(high, from + width - 1)});
            }
            var ranges = new ArrayList<org.opensearch.client.opensearch._types.aggregations.AggregationRange>();
            for (int i = 0; i < slices.size(); i++) {
                long[] slice = slices.get(i);
                String key = Integer.toString(i);
                ranges.add(org.opensearch.client.opensearch._types.aggregations.AggregationRange.of(r -> r.key(key)
                        .from(Long.toString(slice[0])).to(Long.toString(slice[1] + 1))));
            }
            long[] counts = new long[slices.size()];
            search(new SearchRequest.Builder().query(query).pit(pit.reference()).size(0)
                            .trackTotalHits(t -> t.enabled(false))
                            .aggregations("slices", a -> a.range(r -> r.field(Schema.TIME).ranges(ranges))).build())
                    .aggregations().get("slices").range().buckets().array()
                    .forEach(b -> counts[Integer.parseInt(b.key())] = b.docCount());
            int found = -1;
            for (int k = 0; k < slices.size(); k++) {
                int i = newestFirst ? slices.size() - 1 - k : k;
                if (before + counts[i] > position) {
                    found = i;
                    break;
                }
                before += counts[i];
            }
            if (found < 0) {
                return null; // the counts disagree with the stats: leave it to the walk
            }
            low = slices.get(found)[0];
            high = slices.get(found)[1];
        }
    }

    /** The sort key of the hit at {@code position}, walking from the nearest known one before it. */
    private List<String> walkTo(int position) throws RemoteFailure {
        var known = keys.floorEntry(position);
        int at;
        List<String> key;
        if (known == null || known.getKey() < RESULT_WINDOW - 1) {
            at = Math.min(position, RESULT_WINDOW - 1); // within the window one request reaches any hit
            List<Hit<Map>> one = fetch(null, at, 1, false);
            if (one.isEmpty()) {
                throw new RemoteFailure(remote.target() + ": the index holds fewer hits than when they were counted", null);
            }
            key = one.get(0).sort();
            remember(at, key);
        } else {
            at = known.getKey();
            key = known.getValue();
        }
        while (at < position) {
            int step = Math.min(RESULT_WINDOW, position - at);
            List<Hit<Map>> keysOnly = fetch(key, 0, step, false);
            if (keysOnly.isEmpty()) {
                throw new RemoteFailure(remote.target() + ": the index holds fewer hits than when they were counted", null);
            }
            at += keysOnly.size();
            key = keysOnly.get(keysOnly.size() - 1).sort();
            remember(at, key);
            if (keysOnly.size() < step) {
                break;
            }
        }
        return key;
    }

    private List<Hit<Map>> fetch(List<String> after, int from, int count, boolean documents) throws RemoteFailure {
        return fetch(query, after, from, count, documents);
    }

    private List<Hit<Map>> fetch(Query matching, List<String> after, int from, int count, boolean documents)
            throws RemoteFailure {
        var page = new SearchRequest.Builder().query(matching).pit(pit.reference()).sort(sort).size(count)
                .trackTotalHits(t -> t.enabled(false));
        page = documents ? page.source(s -> s.filter(f -> f.includes(RemoteSearch.SOURCE))) : page.source(s -> s.fetch(false));
        if (from > 0) {
            page.from(from);
        }
        if (after != null) {
            page.searchAfter(after);
        }
        return search(page.build()).hits().hits();
    }

    private org.opensearch.client.opensearch.core.SearchResponse<Map> search(SearchRequest request) throws RemoteFailure {
        requests++;
        return RemoteSearch.run(remote, request);
    }

    /** Search requests sent for rows so far: what a test checks a jump's cost by. */
    synchronized int requests() {
        return requests;
    }

    private void remember(int position, List<String> key) {
        keys.put(position, key);
        if (keys.size() > KEEP_KEYS) {
            keys.pollFirstEntry(); // the first rows are the cheapest to find again
        }
    }

    /** For tests: jumps walk from the nearest known key, as when time slices cannot help. */
    RemoteRows walkingOnly() {
        walkOnly = true;
        return this;
    }

    private static boolean expired(RemoteFailure e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("search_context_missing") || message.contains("No search context found")) {
                return true;
            }
        }
        return false;
    }

    private void reopen() throws RemoteFailure {
        pit.close();
        pit = PointInTime.open(remote);
        blocks.clear();
        keys.clear();
    }

    /**
     * Returns at once: the window closes a replaced list on the FX thread, so releasing the point in time (a
     * request, after any load in flight) happens on another thread.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                synchronized (this) {
                    pit.close();
                }
            });
        }
    }
}

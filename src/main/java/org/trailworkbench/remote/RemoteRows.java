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

/**
 * Every hit of a request on a remote case as the event table's rows, in the order {@link RemoteSearch} pages
 * through (time, then id). All requests go to one point in time, so row {@code i} stays hit {@code i} while the
 * table is open, whatever an import adds meanwhile.
 *
 * <p>Rows come in blocks of {@value #BLOCK}, by {@code search_after} from the sort key of the block before's last
 * hit; the last {@value #KEEP_BLOCKS} blocks are kept, and the sort keys of block ends, so scrolling costs one
 * request per block. A block whose predecessor is unknown (a jump): within the cluster's default result window
 * ({@value #RESULT_WINDOW} hits) it is asked for by {@code from}/{@code size}; beyond it, the hits in between are
 * walked from the nearest known key, {@value #RESULT_WINDOW} sort keys a request without their documents. So
 * jumping to row one million of a fresh list costs about a hundred small requests: the limit of this approach.
 *
 * <p>A point in time lives five minutes past its last use; when it has expired (the table was left alone) a
 * new one is opened and the rows come from that one, which may differ if the index changed meanwhile.
 */
public final class RemoteRows implements RowSource {

    static final int BLOCK = 500;
    static final int RESULT_WINDOW = 10_000;
    private static final int KEEP_BLOCKS = 16;
    private static final int KEEP_KEYS = 100_000;

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
    private PointInTime pit;
    private boolean closed;

    private RemoteRows(RemoteCase remote, Query query, List<SortOptions> sort, PointInTime pit, int size) {
        this.remote = remote;
        this.query = query;
        this.sort = sort;
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
            return new RemoteRows(remote, full, RemoteSearch.sort(request.sort()), pit,
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
        if (closed) {
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
            hits = fetch(walkTo(start - 1), 0, count, true);
        }
        if (!hits.isEmpty()) {
            remember(start + hits.size() - 1, hits.get(hits.size() - 1).sort());
        }
        blocks.put(block, hits);
        return hits;
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
        var page = new SearchRequest.Builder().query(query).pit(pit.reference()).sort(sort).size(count)
                .trackTotalHits(t -> t.enabled(false));
        page = documents ? page.source(s -> s.filter(f -> f.includes(RemoteSearch.SOURCE))) : page.source(s -> s.fetch(false));
        if (from > 0) {
            page.from(from);
        }
        if (after != null) {
            page.searchAfter(after);
        }
        return RemoteSearch.run(remote, page.build()).hits().hits();
    }

    private void remember(int position, List<String> key) {
        keys.put(position, key);
        if (keys.size() > KEEP_KEYS) {
            keys.pollFirstEntry(); // the first rows are the cheapest to find again
        }
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

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            pit.close();
        }
    }
}

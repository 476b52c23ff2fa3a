package org.trailworkbench.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.trailworkbench.index.EventDocuments;
import org.trailworkbench.index.EventIndex;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.ReadThreads;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every hit of a request, in the request's time order, as Lucene doc ids held against one view of the
 * index: any row can be loaded at once, however deep, which a virtualized table scrolled to its end
 * needs and {@code searchAfter} paging cannot give. The order is the one {@link SearchService#search}
 * pages through (time, then doc id), so row {@code i} here is hit {@code i} there. Holds the index view
 * until {@link #close()}; thread-safe.
 */
public final class HitList implements RowSource {

    private static final Set<String> LOAD = Set.of(Fields.SOURCE, Fields.FILE);

    private final EventIndex index;
    private final IndexSearcher searcher;
    private final HitScan.Sorted hits;
    private final AtomicBoolean closed = new AtomicBoolean();

    HitList(EventIndex index, IndexSearcher searcher, HitScan.Sorted hits) {
        this.index = index;
        this.searcher = searcher;
        this.hits = hits;
    }

    /**
     * Collects every hit of the request (query, time range, filters, sort order; paging, facets and
     * timeline are ignored): one pass and a sort, 8 bytes per hit.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fired during the pass
     */
    public static HitList of(EventIndex index, SearchRequest request, Cancellation cancel)
            throws IOException, QuerySyntaxException {
        Query full = SearchService.withFacetFilters(SearchService.baseQuery(request), request);
        IndexSearcher searcher = index.acquire();
        try {
            return new HitList(index, searcher, HitScan.collect(searcher, full, request.sort(), cancel));
        } catch (IOException | RuntimeException e) {
            index.release(searcher);
            throw e;
        }
    }

    @Override
    public int size() {
        return hits.size();
    }

    @Override
    public List<EventHit> load(int from, int count) throws IOException {
        if (closed.get()) {
            throw new IOException("this list of hits is closed; run the search again");
        }
        ReadThreads.check(); // the view is held: acquire() is not called again
        int end = Math.min(hits.size(), from + Math.max(0, count));
        StoredFields stored = searcher.storedFields();
        List<EventHit> rows = new ArrayList<>(Math.max(0, end - from));
        for (int i = Math.max(0, from); i < end; i++) {
            Document document = stored.document(hits.doc(i), LOAD);
            rows.add(new EventHit(hits.time(i), EventDocuments.sourceOf(document), document.get(Fields.FILE)));
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            index.release(searcher);
        }
    }
}

package org.trailworkbench.search;

import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.List;

/**
 * What the command line and the window ask of a case's events, wherever they live: {@link SearchService} over
 * the case's own Lucene index, or an OpenSearch index (the {@code remote} package). Both answer the same
 * request with the same events, counts and buckets; docs/REMOTE.md lists where a remote answer may differ.
 */
public interface EventSearch {

    SearchResponse search(SearchRequest request) throws IOException, QuerySyntaxException;

    /**
     * Visits every hit of the request in its sort order, from one consistent view of the events.
     *
     * @return whether the scan ran to the end (false when cancelled)
     */
    boolean scan(SearchRequest request, SearchService.HitVisitor visitor, Cancellation cancel)
            throws IOException, QuerySyntaxException;

    /**
     * Every hit of the request (query, time range, filters, sort order; paging, facets and timeline are
     * ignored) as rows the event table loads from any position, in the order {@link #search} pages through.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fired while the rows were gathered
     */
    RowSource rows(SearchRequest request, Cancellation cancel) throws IOException, QuerySyntaxException;

    /** Every field path present in the case, for completion and column choosers. */
    List<String> fieldPaths() throws IOException;

    /** Events in the case and the time they span. */
    SearchService.CaseStats stats() throws IOException;
}

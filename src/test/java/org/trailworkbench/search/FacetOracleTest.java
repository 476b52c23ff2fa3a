package org.trailworkbench.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.SimpleCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.index.Fields;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search takes short cuts for speed: facet ordinals and times held in arrays per segment, the counts of
 * "everything" kept per segment. This test computes the same answers the plain way, reading doc values
 * document by document, and requires the same total, facets (counts and order) and histogram, on a case of
 * several segments, twice in a row (the second time from the caches).
 */
class FacetOracleTest {

    @TempDir
    static Path dir;
    static Case c;

    @BeforeAll
    static void importInParts() throws IOException {
        c = Case.open(dir.resolve("case"));
        Path sample = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
        List<Path> regions;
        try (var walk = Files.walk(sample, 6)) {
            regions = walk.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("CloudTrail"))
                    .sorted().toList();
        }
        assertThat(regions).hasSizeGreaterThan(1);
        for (Path region : regions) { // one import per region: a case of several segments
            c.importPath(region, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        }
        c.importPath(sample, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none()); // Insights and the rest
        int segments = c.index().withSearcher(s -> s.getIndexReader().leaves().size());
        assertThat(segments).isGreaterThan(1);
    }

    @AfterAll
    static void close() throws IOException {
        c.close();
    }

    @Test
    void shortCutsGiveThePlainAnswers() throws Exception {
        var stats = c.search().stats();
        List<SearchRequest> requests = List.of(
                SearchRequest.of(""),
                SearchRequest.of("").withTimeline(true, "errorCode"),
                SearchRequest.of("eventName:AssumeRole"),
                SearchRequest.of("_exists_:errorCode").withTimeline(true, "awsRegion"),
                SearchRequest.of("").withFilter("awsRegion", new FacetFilter(Set.of("us-east-1"), Set.of())),
                SearchRequest.of("").withFilter("eventSource", new FacetFilter(Set.of(), Set.of("s3.amazonaws.com")))
                        .withFilter("readOnly", new FacetFilter(Set.of("false"), Set.of())),
                // filters keeping most events: counted as everything minus what they leave out
                SearchRequest.of("").withFilter("errorCode", new FacetFilter(Set.of(), Set.of("AccessDenied"))),
                SearchRequest.of("").withFilter("readOnly", new FacetFilter(Set.of(), Set.of("false")))
                        .withFilter("errorCode", new FacetFilter(Set.of(), Set.of("AccessDenied", "NoSuchEntity"))),
                SearchRequest.of("").withTimeline(true, null)
                        .withFilter("eventType", new FacetFilter(Set.of("AwsApiCall", "AwsConsoleSignIn"), Set.of()))
                        .withFilter("userIdentity.type", new FacetFilter(Set.of(), Set.of("Root"))),
                SearchRequest.of("").withRange(new TimeRange(stats.oldest() + 3_600_000L, stats.newest() - 7_200_000L)),
                SearchRequest.of("readOnly:false").withFacets(5),
                SearchRequest.of("eventSource:s3.amazonaws.com").withSort(SortOrder.OLDEST_FIRST));
        for (int round = 0; round < 2; round++) {
            for (SearchRequest request : requests) {
                SearchResponse response = c.search().search(request);
                Plain plain = plainAnswer(request, response);
                assertThat(response.total()).as("total of %s", request).isEqualTo(plain.total);
                assertThat(response.facets()).as("facets of %s", request).isEqualTo(plain.facets);
                assertThat(response.timeline().counts()).as("histogram of %s", request).isEqualTo(plain.histogram);
                assertThat(response.timeline().starts()).as("buckets of %s", request).isEqualTo(plain.starts);
                assertThat(response.hits()).as("first page of %s", request).isEqualTo(plainPage(request));
                if (request.splitBy() != null) {
                    assertThat(response.timeline().series().keySet()).isNotEmpty();
                }
            }
        }
    }

    /** The first page as Lucene's sort gives it over every hit. */
    private static List<EventHit> plainPage(SearchRequest request) throws Exception {
        Query full = SearchService.withFacetFilters(SearchService.baseQuery(request), request);
        SortField time = new SortField(Fields.TIME, SortField.Type.LONG, request.sort() == SortOrder.NEWEST_FIRST);
        time.setMissingValue(request.sort() == SortOrder.NEWEST_FIRST ? Long.MIN_VALUE : Long.MAX_VALUE);
        return c.index().withSearcher(searcher -> {
            TopFieldDocs top = searcher.search(full, request.pageSize(), new Sort(time));
            List<EventHit> hits = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                var stored = searcher.storedFields().document(doc.doc);
                hits.add(new EventHit((Long) ((FieldDoc) doc).fields[0],
                        org.trailworkbench.index.EventDocuments.sourceOf(stored), stored.get(Fields.FILE)));
            }
            return hits;
        });
    }

    /** {@code starts}: the buckets for the oldest and newest hit, where the request leaves its range open. */
    record Plain(long total, Map<String, List<FacetCount>> facets, long[] histogram, long[] starts) {
    }

    /** Every hit of the base query, every dimension read through doc values, drill-sideways by hand. */
    private static Plain plainAnswer(SearchRequest request, SearchResponse response) throws Exception {
        Query base = SearchService.baseQuery(request);
        long[] starts = response.timeline().starts();
        long end = response.timeline().end();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Fields.FACETS.forEach(d -> counts.put(d, new HashMap<>()));
        long[] histogram = new long[starts.length];
        long[] total = {0};
        long[] bounds = {Long.MAX_VALUE, Long.MIN_VALUE};
        c.index().withSearcher(searcher -> {
            searcher.search(base, new SimpleCollector() {
                LeafReaderContext leaf;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    leaf = context;
                }

                @Override
                public void collect(int doc) throws IOException {
                    Map<String, List<String>> values = new HashMap<>();
                    for (String dim : Fields.FACETS) {
                        values.put(dim, values(leaf, dim, doc));
                    }
                    List<String> failed = new ArrayList<>();
                    request.filters().forEach((dim, filter) -> {
                        List<String> v = values.get(dim);
                        boolean pass = v.stream().noneMatch(filter.exclude()::contains)
                                && (filter.include().isEmpty() || v.stream().anyMatch(filter.include()::contains));
                        if (!pass) {
                            failed.add(dim);
                        }
                    });
                    if (failed.size() > 1) {
                        return;
                    }
                    for (String dim : failed.isEmpty() ? Fields.FACETS : failed) {
                        values.get(dim).forEach(v -> counts.get(dim).merge(v, 1L, Long::sum));
                    }
                    if (!failed.isEmpty()) {
                        return;
                    }
                    total[0]++;
                    NumericDocValues times = DocValues.getNumeric(leaf.reader(), Fields.TIME);
                    if (times.advanceExact(doc)) {
                        long t = times.longValue();
                        bounds[0] = Math.min(bounds[0], t);
                        bounds[1] = Math.max(bounds[1], t);
                        for (int b = 0; b < starts.length; b++) {
                            long bucketEnd = b + 1 < starts.length ? starts[b + 1] : end;
                            if (t >= starts[b] && t < bucketEnd) {
                                histogram[b]++;
                            }
                        }
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return null;
        });
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            facets.put(dim, counts.get(dim).entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                            .thenComparing(e -> new org.apache.lucene.util.BytesRef(e.getKey())))
                    .limit(request.facetSize())
                    .map(e -> new FacetCount(e.getKey(), e.getValue())).toList());
        }
        Long from = request.range().from() != null ? request.range().from() : bounds[0];
        Long to = request.range().to() != null ? request.range().to() : bounds[1] + 1;
        BucketInterval interval = BucketInterval.choose(from, to, SearchService.TARGET_BUCKETS);
        return new Plain(total[0], facets, histogram, interval.starts(from, to));
    }

    private static List<String> values(LeafReaderContext leaf, String dim, int doc) throws IOException {
        SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), dim);
        List<String> out = new ArrayList<>();
        if (dv.advanceExact(doc)) {
            for (int i = 0; i < dv.docValueCount(); i++) {
                out.add(dv.lookupOrd(dv.nextOrd()).utf8ToString());
            }
        }
        return out;
    }
}

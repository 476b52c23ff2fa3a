package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.trailworkbench.insights.Attributions;
import org.trailworkbench.insights.AwsInsights;
import org.trailworkbench.insights.InsightType;
import org.trailworkbench.insights.InsightsSource;
import org.trailworkbench.insights.MinuteCounts;
import org.trailworkbench.insights.SeriesCounts;
import org.trailworkbench.insights.SeriesKey;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link InsightsSource} of a remote case: the cluster counts, the client only detects. The per-minute series
 * are composite aggregations (account, region, source, name, a one-minute date_histogram) over the counted
 * events, one for the write calls and one for the failed calls; attributions are composite aggregations of
 * one field with an insight and a baseline filter under each value. No event is downloaded, only counts and
 * the few Insights records. The filters are those of the local scan, on the exact facet fields.
 */
public final class RemoteInsightsSource implements InsightsSource {

    private static final String[] SERIES_FIELDS = {"recipientAccountId", "awsRegion", "eventSource", "eventName"};
    private static final String MINUTE = "minute";

    private final RemoteCase remote;
    /** Buckets per composite request. */
    private final int page;

    public RemoteInsightsSource(RemoteCase remote) {
        this(remote, Composites.PAGE);
    }

    /** With smaller pages, so that a test sees the paging of a trail much larger than its own. */
    RemoteInsightsSource(RemoteCase remote, int page) {
        this.remote = remote;
        this.page = page;
    }

    @Override
    public SeriesCounts series(Cancellation cancel) throws IOException {
        Query timed = Query.of(q -> q.exists(e -> e.field(Schema.TIME)));
        Query counted = and(managementCalls(), Query.of(q -> q.bool(b -> b.should(write(), failed()).minimumShouldMatch("1"))));
        var response = RemoteSearch.run(remote, new SearchRequest.Builder().index(remote.target().index()).query(timed)
                .size(0).trackTotalHits(t -> t.enabled(true))
                .aggregations("counted", a -> a.filter(counted)
                        .aggregations("first", f -> f.min(m -> m.field(Schema.TIME)))
                        .aggregations("last", l -> l.max(m -> m.field(Schema.TIME))))
                .build());
        long scanned = response.hits().total().value();
        var countedAgg = response.aggregations().get("counted").filter();
        if (countedAgg.docCount() == 0) {
            return new SeriesCounts(List.of(), List.of(), List.of(), Long.MAX_VALUE, Long.MIN_VALUE, scanned, 0);
        }
        long first = Math.floorDiv((long) countedAgg.aggregations().get("first").min().value(), 60_000L);
        long last = Math.floorDiv((long) countedAgg.aggregations().get("last").max().value(), 60_000L);
        Map<SeriesKey, Integer> ids = new LinkedHashMap<>();
        Map<Integer, Minutes> calls = perMinute(and(managementCalls(), write()), ids, cancel);
        Map<Integer, Minutes> errors = perMinute(and(managementCalls(), failed()), ids, cancel);
        List<MinuteCounts> callCounts = new ArrayList<>();
        List<MinuteCounts> errorCounts = new ArrayList<>();
        for (int series = 0; series < ids.size(); series++) {
            callCounts.add(counts(calls.get(series)));
            errorCounts.add(counts(errors.get(series)));
        }
        return new SeriesCounts(List.copyOf(ids.keySet()), callCounts, errorCounts, first, last, scanned,
                countedAgg.docCount());
    }

    /** The events of {@code query} per series and minute; series get their ids in {@code ids} as they come. */
    private Map<Integer, Minutes> perMinute(Query query, Map<SeriesKey, Integer> ids, Cancellation cancel)
            throws IOException {
        Map<String, CompositeAggregationSource> sources = new LinkedHashMap<>();
        for (String field : SERIES_FIELDS) {
            sources.put(field, Composites.terms(Schema.facet(field)));
        }
        sources.put(MINUTE, CompositeAggregationSource.of(s -> s.dateHistogram(d -> d.field(Schema.TIME)
                .fixedInterval(org.opensearch.client.opensearch._types.Time.of(t -> t.time("1m"))))));
        Map<Integer, Minutes> bySeries = new HashMap<>();
        Composites.each(remote, page, and(query, Query.of(q -> q.exists(e -> e.field(Schema.TIME)))), sources, Map.of(),
                cancel, (key, bucket) -> {
                    SeriesKey series = new SeriesKey(orEmpty(key.get(SERIES_FIELDS[0])), orEmpty(key.get(SERIES_FIELDS[1])),
                            orEmpty(key.get(SERIES_FIELDS[2])), orEmpty(key.get(SERIES_FIELDS[3])));
                    int id = ids.computeIfAbsent(series, k -> ids.size());
                    long minute = Math.floorDiv(Long.parseLong(key.get(MINUTE)), 60_000L);
                    bySeries.computeIfAbsent(id, k -> new Minutes()).add(minute, bucket.docCount());
                });
        return bySeries;
    }

    @Override
    public List<Map<String, long[]>> attributeCounts(SeriesKey key, InsightType type, long insightFrom, long insightTo,
                                                     List<long[]> baseline, List<String> fields) throws IOException {
        Query insight = minutes(insightFrom, insightTo);
        List<Query> baselineRanges = baseline.stream().map(r -> minutes(r[0], r[1])).toList();
        Query inBaseline = Query.of(q -> q.bool(b -> b.should(baselineRanges).minimumShouldMatch("1")));
        Query query = and(and(managementCalls(), series(key)), and(type == InsightType.CALL_RATE ? write() : failed(),
                Query.of(q -> q.bool(b -> b.should(insight, inBaseline).minimumShouldMatch("1")))));
        Map<String, Aggregation> periods = Map.of(
                "insight", Aggregation.of(a -> a.filter(insight)),
                "baseline", Aggregation.of(a -> a.filter(inBaseline)));
        List<Map<String, long[]>> result = new ArrayList<>();
        for (String field : fields) {
            Map<String, long[]> byValue = new HashMap<>();
            Composites.each(remote, page, query, Map.of("value", Composites.terms(Schema.facet(field))), periods,
                    Cancellation.none(), (value, bucket) -> byValue.put(
                            value.get("value") == null ? Attributions.NONE : value.get("value"),
                            new long[]{bucket.aggregations().get("insight").filter().docCount(),
                                    bucket.aggregations().get("baseline").filter().docCount()}));
            result.add(byValue);
        }
        return result;
    }

    @Override
    public List<StoredRecord> insightRecords() throws IOException {
        var request = org.trailworkbench.search.SearchRequest.of("")
                .withFilter("eventType", new FacetFilter(Set.of(AwsInsights.EVENT_TYPE), Set.of()));
        List<StoredRecord> records = new ArrayList<>();
        try {
            remote.search().scan(request, new SearchService.HitVisitor() {
                @Override
                public void total(long total) {
                }

                @Override
                public void hit(EventHit hit) {
                    records.add(new StoredRecord("in " + hit.file(), hit.json()));
                }
            }, Cancellation.none());
        } catch (org.trailworkbench.search.QuerySyntaxException e) {
            throw new IllegalStateException("the empty query always parses", e);
        }
        return records;
    }

    /** Management events (no eventCategory, or Management) that are not Insights records themselves. */
    private static Query managementCalls() {
        Query otherCategory = Query.of(q -> q.bool(b -> b.filter(exists("eventCategory"))
                .mustNot(exact("eventCategory", "Management"))));
        return Query.of(q -> q.bool(b -> b.mustNot(otherCategory, exact("eventType", AwsInsights.EVENT_TYPE))));
    }

    private static Query write() {
        return exact("readOnly", "false");
    }

    private static Query failed() {
        return exists("errorCode");
    }

    /** One series exactly: an empty value means the events had none, as in the local scan. */
    private static Query series(SeriesKey key) {
        String[] values = {key.account(), key.region(), key.eventSource(), key.eventName()};
        List<Query> filters = new ArrayList<>();
        List<Query> absent = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            (values[i].isEmpty() ? absent : filters).add(values[i].isEmpty() ? exists(SERIES_FIELDS[i])
                    : exact(SERIES_FIELDS[i], values[i]));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters).mustNot(absent)));
    }

    /** Events of the epoch minutes [from, to). */
    private static Query minutes(long from, long to) {
        return Dsl.timeRange(from * 60_000L, to * 60_000L - 1).query;
    }

    private static Query exact(String field, String value) {
        return RemoteRequests.term(Schema.facet(field), value);
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(Schema.facet(field))));
    }

    private static Query and(Query a, Query b) {
        return Query.of(q -> q.bool(bool -> bool.filter(a, b)));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static MinuteCounts counts(Minutes minutes) {
        return minutes == null ? MinuteCounts.EMPTY : minutes.toCounts();
    }

    /** A series' minutes as the composite pages bring them, in increasing order. */
    private static final class Minutes {
        private long[] minutes = new long[16];
        private int[] counts = new int[16];
        private int size;

        void add(long minute, long count) {
            if (size == minutes.length) {
                minutes = Arrays.copyOf(minutes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            minutes[size] = minute;
            counts[size++] = Math.toIntExact(count);
        }

        MinuteCounts toCounts() {
            return new MinuteCounts(Arrays.copyOf(minutes, size), Arrays.copyOf(counts, size));
        }
    }
}

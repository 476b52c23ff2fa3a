package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.aggregations.DateHistogramBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.trailworkbench.search.BucketInterval;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.search.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The histogram as a date_histogram whose buckets are the local ones: fixed intervals align to the epoch as
 * {@link BucketInterval#floor} does, weeks start on Monday and months on the 1st (UTC) in both.
 */
final class Timelines {

    private Timelines() {
    }

    /** @param interval the one that made {@code starts} */
    static Aggregation aggregation(BucketInterval interval, long[] starts, long end, String splitBy, Query selections,
                                   int splitValues) {
        Query inRange = Query.of(q -> q.bool(b -> b.filter(selections).filter(Dsl.timeRange(starts[0], end - 1).query)));
        Aggregation histogram = histogram(interval);
        Map<String, Aggregation> subs = new LinkedHashMap<>();
        subs.put("all", histogram);
        if (splitBy != null) {
            subs.put("split", Aggregation.of(a -> a.terms(t -> t.field(Schema.facet(splitBy)).size(splitValues)
                            .order(List.of(Map.of("_key", SortOrder.Asc))))
                    .aggregations("histogram", histogram)));
            subs.put("missing", Aggregation.of(a -> a.missing(m -> m.field(Schema.facet(splitBy)))
                    .aggregations("histogram", histogram)));
        }
        return Aggregation.of(a -> a.filter(inRange).aggregations(subs));
    }

    /** The interval a timeline reports, by the local rule (one bucket: an hour). */
    private static BucketInterval interval(long[] starts, long end) {
        return starts.length < 2 ? BucketInterval.HOUR : BucketInterval.choose(starts[0], end, SearchService.TARGET_BUCKETS);
    }

    private static Aggregation histogram(BucketInterval interval) {
        return Aggregation.of(a -> a.dateHistogram(d -> {
            d.field(Schema.TIME).minDocCount(1);
            return switch (interval) {
                case WEEK -> d.calendarInterval(CalendarInterval.Week);
                case MONTH -> d.calendarInterval(CalendarInterval.Month);
                default -> d.fixedInterval(t -> t.time((interval.next(0) / 60_000) + "m"));
            };
        }));
    }

    static Timeline read(Aggregate timeline, long[] starts, long end, String splitBy, int maxSeries) {
        var subs = timeline.filter().aggregations();
        long[] counts = counts(subs.get("all"), starts);
        Map<String, long[]> series = new LinkedHashMap<>();
        if (splitBy != null) {
            Map<String, long[]> byValue = new LinkedHashMap<>();
            subs.get("split").sterms().buckets().array().forEach(b ->
                    byValue.put(b.key(), counts(b.aggregations().get("histogram"), starts)));
            var missing = subs.get("missing").missing();
            if (missing.docCount() > 0) {
                byValue.put(Timeline.MISSING, counts(missing.aggregations().get("histogram"), starts));
            }
            var byTotal = new ArrayList<>(byValue.entrySet());
            byTotal.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue()))
                    .thenComparing(Map.Entry::getKey));
            long[] other = null;
            for (int i = 0; i < byTotal.size(); i++) {
                if (i < maxSeries) {
                    series.put(byTotal.get(i).getKey(), byTotal.get(i).getValue());
                } else {
                    other = other == null ? new long[starts.length] : other;
                    long[] values = byTotal.get(i).getValue();
                    for (int b = 0; b < other.length; b++) {
                        other[b] += values[b];
                    }
                }
            }
            if (other != null) {
                series.put(Timeline.OTHER, other);
            }
        }
        return new Timeline(interval(starts, end), starts, end, counts, series, splitBy);
    }

    private static long[] counts(Aggregate histogram, long[] starts) {
        long[] counts = new long[starts.length];
        for (DateHistogramBucket bucket : histogram.dateHistogram().buckets().array()) {
            int i = java.util.Arrays.binarySearch(starts, Long.parseLong(bucket.key()));
            if (i >= 0) {
                counts[i] += bucket.docCount();
            }
        }
        return counts;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}

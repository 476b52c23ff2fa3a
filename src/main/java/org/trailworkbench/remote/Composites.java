package org.trailworkbench.remote;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every bucket of a composite aggregation, page by page (after_key): counts per combination of values that
 * no terms aggregation could hold at once, in the order of the sources' values (missing values first).
 */
final class Composites {

    /** Buckets per request; well under the cluster's default search.max_buckets (65,535). */
    static final int PAGE = 5_000;

    private Composites() {
    }

    @FunctionalInterface
    interface BucketVisitor {
        /** @param key the bucket's value per source name, null for a missing value */
        void bucket(Map<String, String> key, CompositeBucket bucket) throws IOException;
    }

    /** A terms source that gives events without the field a bucket of their own (key null). */
    static CompositeAggregationSource terms(String field) {
        return CompositeAggregationSource.of(s -> s.terms(t -> t.field(field).missingBucket(true)));
    }

    /** Visits every bucket of the sources under {@code query}, each with the sub-aggregations given, in pages of {@code page}. */
    static void each(RemoteCase remote, int page, Query query, Map<String, CompositeAggregationSource> sources,
                     Map<String, Aggregation> subs, Cancellation cancel, BucketVisitor visitor) throws IOException {
        List<Map<String, CompositeAggregationSource>> ordered = sources.entrySet().stream()
                .map(e -> Map.of(e.getKey(), e.getValue())).toList();
        Map<String, String> after = null;
        while (true) {
            cancel.throwIfCancelled();
            Map<String, String> from = after;
            Aggregation composite = Aggregation.of(a -> a.composite(c -> {
                c.size(page).sources(ordered);
                if (from != null) {
                    c.after(from);
                }
                return c;
            }).aggregations(subs));
            var response = RemoteSearch.run(remote, new SearchRequest.Builder().index(remote.target().index())
                    .query(query).size(0).trackTotalHits(t -> t.enabled(false))
                    .aggregations("composite", composite).build());
            var answer = response.aggregations().get("composite").composite();
            List<CompositeBucket> buckets = answer.buckets().array();
            for (CompositeBucket bucket : buckets) {
                visitor.bucket(strings(bucket.key()), bucket);
            }
            if (buckets.size() < page || answer.afterKey() == null || answer.afterKey().isEmpty()) {
                return;
            }
            after = new HashMap<>(strings(answer.afterKey()));
        }
    }

    private static Map<String, String> strings(Map<String, JsonData> key) {
        Map<String, String> values = new LinkedHashMap<>();
        key.forEach((name, data) -> values.put(name, string(data)));
        return values;
    }

    private static String string(JsonData data) {
        if (data == null) {
            return null;
        }
        JsonValue value = data.toJson();
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        return value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }
}

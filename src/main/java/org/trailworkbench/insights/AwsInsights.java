package org.trailworkbench.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudTrail Insights records in a case, paired into anomalies. AWS writes a Start record when unusual
 * activity begins and an End record when it stops, joined by sharedEventID. The records come as stored from
 * the case's {@link InsightsSource}, local or remote.
 */
public final class AwsInsights {

    public static final String EVENT_TYPE = "AwsCloudTrailInsight";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final InsightsSource source;

    public AwsInsights(InsightsSource source) {
        this.source = source;
    }

    /** @param problems one line per record that could not be read, naming the record and the reason */
    public record Result(List<Anomaly> anomalies, List<String> problems, int records) {
    }

    public Result read() throws IOException {
        List<InsightRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (InsightsSource.StoredRecord stored : source.insightRecords()) {
            try {
                records.add(InsightRecord.parse(JSON.readTree(stored.json())));
            } catch (JsonProcessingException e) {
                problems.add("Insights record " + stored.label() + ": not readable JSON (" + e.getOriginalMessage() + ")");
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new Result(pair(records), problems, records.size() + problems.size());
    }

    /**
     * Joins Start and End by sharedEventID. The End carries the final statistics (the Start has seen one
     * minute), so a complete anomaly takes its figures from the End and its start from the Start.
     */
    static List<Anomaly> pair(List<InsightRecord> records) {
        Map<String, InsightRecord> starts = new LinkedHashMap<>();
        Map<String, InsightRecord> ends = new LinkedHashMap<>();
        for (InsightRecord r : records) {
            (r.start() ? starts : ends).merge(r.sharedEventId(), r,
                    (a, b) -> a.time().isBefore(b.time()) == r.start() ? a : b);
        }
        List<Anomaly> anomalies = new ArrayList<>();
        starts.forEach((shared, start) -> {
            InsightRecord end = ends.get(shared);
            if (end == null) {
                anomalies.add(anomaly(start, AnomalyState.ONGOING, start.time(), null, start));
            } else {
                Instant finish = end.time().isBefore(start.time()) ? start.time() : end.time();
                anomalies.add(anomaly(end, AnomalyState.COMPLETE, start.time(), finish, end));
            }
        });
        ends.forEach((shared, end) -> {
            if (!starts.containsKey(shared)) {
                Instant estimated = end.time().minus(Duration.ofMinutes(Math.max(0, end.insightMinutes())));
                anomalies.add(anomaly(end, AnomalyState.INCOMPLETE, estimated, end.time(), end));
            }
        });
        anomalies.sort(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::id));
        return anomalies;
    }

    private static Anomaly anomaly(InsightRecord where, AnomalyState state, Instant start, Instant end,
                                   InsightRecord figures) {
        long minutes = end == null ? figures.insightMinutes() : Math.max(1, Duration.between(start, end).toMinutes());
        return new Anomaly(Origin.AWS_INSIGHTS, where.sharedEventId(), where.type(), state, where.account(),
                where.region(), where.eventSource(), where.eventName(), start, end, figures.baselineAverage(),
                figures.insightAverage(), figures.baselineMinutes(), minutes, figures.attributions());
    }
}

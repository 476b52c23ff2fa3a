package org.trailworkbench.insights;

import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Insights-style detection for any trail, from the case's own events: per account, region and API, the
 * write calls per minute (call rate) and the failed calls per minute (error rate) are compared with a
 * baseline of up to seven days, and sustained departures become anomalies. See docs/INSIGHTS.md. The counts
 * come from an {@link InsightsSource}, so a local and a remote case of the same trail give the same anomalies.
 */
public final class LocalDetector {

    private final InsightsSource source;
    private final DetectionParameters parameters;

    public LocalDetector(InsightsSource source, DetectionParameters parameters) {
        this.source = source;
        this.parameters = parameters;
    }

    /**
     * @param firstMinute, lastMinute epoch minutes of the history the case holds (management events only),
     *                                null when it holds none
     * @param eventsScanned events with a time that were looked at
     * @param eventsCounted write calls and failed calls among them, the ones the rates count
     * @param series        account, region and API combinations with counted events
     */
    public record Result(List<Anomaly> anomalies, Instant firstMinute, Instant lastMinute, long eventsScanned,
                         long eventsCounted, int series) {

        /** Days of history the case holds (fractional), which bounds every baseline. */
        public double historyDays() {
            return firstMinute == null ? 0
                    : (lastMinute.getEpochSecond() - firstMinute.getEpochSecond() + 60) / 86_400.0;
        }
    }

    public Result detect(Cancellation cancel) throws IOException {
        SeriesCounts scan = source.series(cancel);
        if (scan.isEmpty()) {
            return new Result(List.of(), null, null, scan.eventsScanned(), 0, 0);
        }
        SpikeFinder finder = new SpikeFinder(parameters, scan.firstMinute(), scan.lastMinute());
        List<Anomaly> anomalies = new ArrayList<>();
        for (int s = 0; s < scan.keys().size(); s++) {
            cancel.throwIfCancelled();
            SeriesKey key = scan.keys().get(s);
            for (InsightType type : InsightType.values()) {
                MinuteCounts counts = (type == InsightType.CALL_RATE ? scan.calls() : scan.errors()).get(s);
                for (SpikeFinder.Spike spike : finder.find(counts.minutes(), counts.counts())) {
                    anomalies.add(anomaly(key, type, spike, Attributions.attribute(source, key, type, spike)));
                }
            }
        }
        anomalies.sort(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::id));
        return new Result(anomalies, minute(scan.firstMinute()), minute(scan.lastMinute()), scan.eventsScanned(),
                scan.eventsCounted(), scan.keys().size());
    }

    private static Anomaly anomaly(SeriesKey key, InsightType type, SpikeFinder.Spike spike,
                                   List<Attribution> attributions) {
        String identity = String.join("|", key.account(), key.region(), key.eventSource(), key.eventName(),
                type.name(), Long.toString(spike.start()));
        String id = "local-" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        return new Anomaly(Origin.DETECTED_LOCALLY, id, type, AnomalyState.COMPLETE, key.account(),
                key.region(), key.eventSource(), key.eventName(), minute(spike.start()), minute(spike.end()),
                spike.baseline().average(), spike.average(), spike.baseline().minutes(), spike.minutes(),
                attributions);
    }

    private static Instant minute(long epochMinute) {
        return Instant.ofEpochSecond(epochMinute * 60);
    }
}

package org.trailworkbench.insights;

import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.TimeRange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An unusual rate of calls or errors to one API in one account and region, from AWS Insights or detected
 * locally. Averages are events per minute, as Insights reports them.
 *
 * @param id              AWS's sharedEventID, or a stable id derived from the series and start for local ones
 * @param account         recipientAccountId; empty when the records did not say
 * @param start           first minute of the anomaly (estimated for {@link AnomalyState#INCOMPLETE})
 * @param end             end of the anomaly, exclusive; null while {@link AnomalyState#ONGOING}
 * @param baselineAverage events per minute in the baseline period
 * @param insightAverage  events per minute during the anomaly
 * @param baselineMinutes length of the baseline period: AWS uses 7 days (10,080); locally, what the case has
 * @param insightMinutes  length of the anomaly as far as it is known
 * @param attributions    identities, user agents and error codes behind it (empty when AWS gave none)
 */
public record Anomaly(Origin origin, String id, InsightType type, AnomalyState state, String account, String region,
                      String eventSource, String eventName, Instant start, Instant end, double baselineAverage,
                      double insightAverage, long baselineMinutes, long insightMinutes,
                      List<Attribution> attributions) {

    public Anomaly {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        account = account == null ? "" : account;
        attributions = List.copyOf(attributions);
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("anomaly " + id + " ends before it starts");
        }
    }

    /**
     * How far the rate departed from normal: insight average over baseline average. A baseline with no
     * events counts as one event over the whole baseline period (or per minute when that is unknown), so
     * that a burst out of silence gets a large, finite severity that grows with the burst.
     */
    public double severity() {
        double floor = 1.0 / Math.max(1, baselineMinutes);
        return insightAverage / Math.max(baselineAverage, floor);
    }

    /** Whether the two intervals share a moment; an ongoing anomaly extends to the end of time. */
    public boolean overlaps(Instant from, Instant to) {
        boolean startsBeforeTo = to == null || start.isBefore(to);
        boolean endsAfterFrom = from == null || end == null || end.isAfter(from);
        return startsBeforeTo && endsAfterFrom;
    }

    /** Same account, region, API and kind, and overlapping intervals. */
    public boolean overlaps(Anomaly other) {
        return sameSeries(other) && overlaps(other.start, other.end);
    }

    public boolean sameSeries(Anomaly other) {
        return type == other.type && account.equals(other.account) && Objects.equals(region, other.region)
                && Objects.equals(eventSource, other.eventSource) && Objects.equals(eventName, other.eventName);
    }

    /**
     * The search that lists the events behind the anomaly: that API in that account and region during the
     * interval; for error-rate anomalies only failed calls, and for local call-rate anomalies only the write
     * calls that were counted. Facet filters match exactly, so the UI shows them as chips it can remove.
     */
    public SearchRequest eventsRequest() {
        String query = type == InsightType.ERROR_RATE ? "_exists_:errorCode" : "";
        SearchRequest request = SearchRequest.of(query)
                .withRange(new TimeRange(start.toEpochMilli(), end == null ? null : end.toEpochMilli()))
                .withFilter("eventSource", only(eventSource))
                .withFilter("eventName", only(eventName))
                .withFilter("awsRegion", only(region));
        if (!account.isEmpty()) {
            request = request.withFilter("recipientAccountId", only(account));
        }
        if (origin == Origin.DETECTED_LOCALLY && type == InsightType.CALL_RATE) {
            request = request.withFilter("readOnly", only("false"));
        }
        return request;
    }

    private static FacetFilter only(String value) {
        return value == null ? FacetFilter.NONE : new FacetFilter(Set.of(value), Set.of());
    }
}

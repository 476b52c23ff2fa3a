package org.trailworkbench.insights;

import org.trailworkbench.search.TimeRange;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which anomalies to list: those overlapping {@code range}, from the chosen origins, optionally narrowed to
 * one account, region, API or kind (null means any). Local detection always reads the whole case, because
 * an anomaly in the range is judged against the days before it.
 */
public record InsightsRequest(TimeRange range, Set<Origin> origins, String account, String region,
                              String eventSource, String eventName, InsightType type,
                              DetectionParameters parameters) {

    public InsightsRequest {
        range = range == null ? TimeRange.ALL : range;
        origins = origins == null || origins.isEmpty() ? EnumSet.allOf(Origin.class) : EnumSet.copyOf(origins);
        parameters = parameters == null ? DetectionParameters.DEFAULTS : parameters;
    }

    /** Everything, from both origins, with the default parameters. */
    public static InsightsRequest all() {
        return new InsightsRequest(TimeRange.ALL, null, null, null, null, null, null, null);
    }

    public InsightsRequest withRange(TimeRange r) {
        return new InsightsRequest(r, origins, account, region, eventSource, eventName, type, parameters);
    }

    public InsightsRequest withOrigins(Set<Origin> o) {
        return new InsightsRequest(range, o, account, region, eventSource, eventName, type, parameters);
    }

    public InsightsRequest withApi(String source, String name) {
        return new InsightsRequest(range, origins, account, region, source, name, type, parameters);
    }

    public InsightsRequest withRegion(String r) {
        return new InsightsRequest(range, origins, account, r, eventSource, eventName, type, parameters);
    }

    public InsightsRequest withAccount(String a) {
        return new InsightsRequest(range, origins, a, region, eventSource, eventName, type, parameters);
    }

    public InsightsRequest withType(InsightType t) {
        return new InsightsRequest(range, origins, account, region, eventSource, eventName, t, parameters);
    }

    public InsightsRequest withParameters(DetectionParameters p) {
        return new InsightsRequest(range, origins, account, region, eventSource, eventName, type, p);
    }

    boolean accepts(Anomaly a) {
        java.time.Instant from = range.from() == null ? null : java.time.Instant.ofEpochMilli(range.from());
        java.time.Instant to = range.to() == null ? null : java.time.Instant.ofEpochMilli(range.to());
        return origins.contains(a.origin()) && a.overlaps(from, to) && matches(account, a.account())
                && matches(region, a.region()) && matches(eventSource, a.eventSource())
                && matches(eventName, a.eventName()) && (type == null || type == a.type());
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }
}

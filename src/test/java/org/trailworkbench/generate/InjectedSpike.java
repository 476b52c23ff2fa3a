package org.trailworkbench.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A burst the generator put into the events on purpose, so tests of anomaly detection know what they
 * must find. During [{@code start}, {@code end}) one principal calls one API far above its normal rate;
 * for {@link Kind#API_ERROR_RATE} every one of those calls fails with {@code errorCode}.
 *
 * @param eventCount        extra events injected (on top of the normal traffic of that API)
 * @param baselinePerMinute the API's normal calls (or errors) per minute in that region, as Insights reports it
 * @param principalArn      who made the burst (the value in the Insights userIdentityArn attribution)
 * @param errorCode         {@code AccessDenied} for error-rate spikes, null for call-rate spikes
 */
public record InjectedSpike(
        String account,
        String region,
        String eventSource,
        String eventName,
        Kind kind,
        Instant start,
        Instant end,
        int eventCount,
        double baselinePerMinute,
        String principalArn,
        String errorCode) {

    /** The two CloudTrail Insights types, named as {@code insightType} spells them. */
    public enum Kind {
        API_CALL_RATE("ApiCallRateInsight"),
        API_ERROR_RATE("ApiErrorRateInsight");

        private final String insightType;

        Kind(String insightType) {
            this.insightType = insightType;
        }

        public String insightType() {
            return insightType;
        }
    }

    public InjectedSpike {
        Objects.requireNonNull(kind, "kind");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a spike must end after it starts");
        }
    }

    /** The burst's calls (or errors) per minute, as Insights reports it. */
    public double perMinute() {
        return eventCount / (double) Duration.between(start, end).toMinutes();
    }
}

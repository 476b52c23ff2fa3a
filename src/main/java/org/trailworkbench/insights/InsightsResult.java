package org.trailworkbench.insights;

import java.util.List;

/**
 * The anomalies a request selects, AWS's and local ones together, ordered by start time.
 *
 * @param aws        what the AWS Insights records gave, or null when they were not asked for
 * @param local      what local detection found in the whole case, or null when it was not asked for
 * @param tookMillis time spent
 */
public record InsightsResult(List<Anomaly> anomalies, AwsInsights.Result aws, LocalDetector.Result local,
                             long tookMillis) {

    public InsightsResult {
        anomalies = List.copyOf(anomalies);
    }
}

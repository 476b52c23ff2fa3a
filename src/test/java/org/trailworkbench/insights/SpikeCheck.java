package org.trailworkbench.insights;

import org.trailworkbench.generate.InjectedSpike;

import java.util.List;

/**
 * Validation of local detection against what the generator injected and what AWS Insights reported, shared
 * by the tests and the benchmark.
 *
 * @param missed         injected spikes no local anomaly overlaps
 * @param awsUnmatched   AWS Insights anomalies no local anomaly overlaps
 * @param falsePositives local anomalies that overlap no injected spike
 */
public record SpikeCheck(List<InjectedSpike> missed, List<Anomaly> awsUnmatched, List<Anomaly> falsePositives) {

    public static SpikeCheck of(List<InjectedSpike> injected, List<Anomaly> aws, List<Anomaly> local) {
        List<InjectedSpike> missed = injected.stream()
                .filter(s -> local.stream().noneMatch(a -> matches(s, a))).toList();
        List<Anomaly> unmatched = aws.stream().filter(a -> local.stream().noneMatch(a::overlaps)).toList();
        List<Anomaly> falsePositives = local.stream()
                .filter(a -> injected.stream().noneMatch(s -> matches(s, a))).toList();
        return new SpikeCheck(missed, unmatched, falsePositives);
    }

    /** Same account, region, API and kind, and overlapping intervals. */
    public static boolean matches(InjectedSpike spike, Anomaly anomaly) {
        InsightType type = spike.kind() == InjectedSpike.Kind.API_CALL_RATE ? InsightType.CALL_RATE
                : InsightType.ERROR_RATE;
        return anomaly.type() == type && anomaly.account().equals(spike.account())
                && anomaly.region().equals(spike.region()) && anomaly.eventSource().equals(spike.eventSource())
                && anomaly.eventName().equals(spike.eventName()) && anomaly.overlaps(spike.start(), spike.end());
    }
}

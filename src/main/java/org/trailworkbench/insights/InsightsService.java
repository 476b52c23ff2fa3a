package org.trailworkbench.insights;

import org.trailworkbench.index.EventIndex;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Insights API shared by the CLI and the UI: anomalies from AWS Insights records and from local
 * detection, for a time range and filters, each with its kind, interval, severity and the search that
 * shows its events ({@link Anomaly#eventsRequest()}). Thread-safe; no JavaFX.
 */
public final class InsightsService {

    private final InsightsSource source;

    /** For a local case. */
    public InsightsService(EventIndex index) {
        this(new LocalInsightsSource(index));
    }

    /** For a case wherever it lives: only where the counts and records come from differs. */
    public InsightsService(InsightsSource source) {
        this.source = source;
    }

    public InsightsResult list(InsightsRequest request, Cancellation cancel) throws IOException {
        long started = System.nanoTime();
        AwsInsights.Result aws = null;
        LocalDetector.Result local = null;
        List<Anomaly> anomalies = new ArrayList<>();
        if (request.origins().contains(Origin.AWS_INSIGHTS)) {
            aws = new AwsInsights(source).read();
            anomalies.addAll(aws.anomalies());
        }
        if (request.origins().contains(Origin.DETECTED_LOCALLY)) {
            local = new LocalDetector(source, request.parameters()).detect(cancel);
            anomalies.addAll(local.anomalies());
        }
        List<Anomaly> selected = anomalies.stream().filter(request::accepts)
                .sorted(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::origin).thenComparing(Anomaly::id))
                .toList();
        return new InsightsResult(selected, aws, local, (System.nanoTime() - started) / 1_000_000);
    }
}

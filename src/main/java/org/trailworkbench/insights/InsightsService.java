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

    private final EventIndex index;

    public InsightsService(EventIndex index) {
        this.index = index;
    }

    public InsightsResult list(InsightsRequest request, Cancellation cancel) throws IOException {
        long started = System.nanoTime();
        AwsInsights.Result aws = null;
        LocalDetector.Result local = null;
        List<Anomaly> anomalies = new ArrayList<>();
        if (request.origins().contains(Origin.AWS_INSIGHTS)) {
            aws = new AwsInsights(index).read();
            anomalies.addAll(aws.anomalies());
        }
        if (request.origins().contains(Origin.DETECTED_LOCALLY)) {
            local = new LocalDetector(index, request.parameters()).detect(cancel);
            anomalies.addAll(local.anomalies());
        }
        List<Anomaly> selected = anomalies.stream().filter(request::accepts)
                .sorted(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::origin).thenComparing(Anomaly::id))
                .toList();
        return new InsightsResult(selected, aws, local, (System.nanoTime() - started) / 1_000_000);
    }
}

package org.trailworkbench.insights;

import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What Insights reads from a case, and the only part that depends on where the case lives: the per-minute
 * series, the attribute counts behind an anomaly and the stored Insights records. Detection itself
 * ({@link LocalDetector}, {@link SpikeFinder}, {@link Baselines}, {@link Attributions}) and the pairing of
 * records ({@link AwsInsights}) are shared. {@link LocalInsightsSource} reads a Lucene index; the remote
 * package has one that asks an OpenSearch cluster for aggregations.
 *
 * <p>"Counted" events are the ones the rates count: management events (no eventCategory, or Management)
 * that are not Insights records; of them, write calls ({@code readOnly} = {@code false}) for the call rate
 * and failed calls (any {@code errorCode}) for the error rate.
 */
public interface InsightsSource {

    /** Every series of the case with its per-minute counts of write calls and of failed calls. */
    SeriesCounts series(Cancellation cancel) throws IOException;

    /**
     * For the counted events of one series and kind, how many events had each value of each field, during
     * the insight and during the baseline. An event without the field counts under {@link Attributions#NONE}.
     *
     * @param insightFrom, insightTo epoch minutes of the anomaly, [from, to)
     * @param baseline       epoch-minute ranges [from, to) of its baseline, in increasing order
     * @param fields         field paths, each single-valued in CloudTrail
     * @return per field (in the order given), per value: {events in the insight, events in the baseline}
     */
    List<Map<String, long[]>> attributeCounts(SeriesKey key, InsightType type, long insightFrom, long insightTo,
                                              List<long[]> baseline, List<String> fields) throws IOException;

    /** The stored JSON of every event whose eventType is {@link AwsInsights#EVENT_TYPE}. */
    List<StoredRecord> insightRecords() throws IOException;

    /**
     * An Insights record as stored.
     *
     * @param label what names the record in a message when its JSON cannot be read (a document number or id)
     */
    record StoredRecord(String label, String json) {
    }
}

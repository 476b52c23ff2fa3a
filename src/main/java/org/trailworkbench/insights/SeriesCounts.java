package org.trailworkbench.insights;

import java.util.List;

/**
 * What local detection counts, whichever backend counted it: per series (the same index in all three lists),
 * the write calls and the failed calls per minute. Insights records themselves and data events are not
 * counted: Insights watches management events only.
 *
 * @param firstMinute,   lastMinute the epoch minutes the counted events span (lastMinute included);
 *                       Long.MAX_VALUE and MIN_VALUE when nothing was counted
 * @param eventsScanned  events with a time that were looked at
 * @param eventsCounted  write calls and failed calls among them (each event once)
 */
public record SeriesCounts(List<SeriesKey> keys, List<MinuteCounts> calls, List<MinuteCounts> errors,
                           long firstMinute, long lastMinute, long eventsScanned, long eventsCounted) {

    public SeriesCounts {
        keys = List.copyOf(keys);
        calls = List.copyOf(calls);
        errors = List.copyOf(errors);
        if (calls.size() != keys.size() || errors.size() != keys.size()) {
            throw new IllegalArgumentException("calls and errors need one entry per series");
        }
    }

    public boolean isEmpty() {
        return firstMinute > lastMinute;
    }
}

package org.trailworkbench.search;

import java.util.List;
import java.util.Map;

/**
 * The histogram of hits over time.
 *
 * @param interval  the bucket size chosen for the range
 * @param starts    bucket start times (epoch ms); bucket i covers [starts[i], starts[i+1]) and the last one
 *                  ends at {@code end}
 * @param end       end of the last bucket
 * @param counts    hits per bucket
 * @param series    when split by a field: hits per bucket for each of its top values (plus "other"); else empty
 * @param splitBy   the field the series split by, or null
 */
public record Timeline(BucketInterval interval, long[] starts, long end, long[] counts,
                       Map<String, long[]> series, String splitBy) {

    public static final String OTHER = "(other)";
    public static final String MISSING = "(none)";

    public static Timeline empty() {
        return new Timeline(BucketInterval.HOUR, new long[0], 0, new long[0], Map.of(), null);
    }

    public int size() {
        return starts.length;
    }

    public long bucketEnd(int i) {
        return i + 1 < starts.length ? starts[i + 1] : end;
    }

    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }
}

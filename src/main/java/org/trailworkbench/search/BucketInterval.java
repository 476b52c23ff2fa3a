package org.trailworkbench.search;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Histogram bucket sizes, from a minute to a month; buckets align to UTC boundaries. */
public enum BucketInterval {
    MINUTE(60_000L, "1 minute"),
    FIVE_MINUTES(5 * 60_000L, "5 minutes"),
    TEN_MINUTES(10 * 60_000L, "10 minutes"),
    THIRTY_MINUTES(30 * 60_000L, "30 minutes"),
    HOUR(3_600_000L, "1 hour"),
    THREE_HOURS(3 * 3_600_000L, "3 hours"),
    SIX_HOURS(6 * 3_600_000L, "6 hours"),
    TWELVE_HOURS(12 * 3_600_000L, "12 hours"),
    DAY(86_400_000L, "1 day"),
    WEEK(7 * 86_400_000L, "1 week"),
    MONTH(30 * 86_400_000L, "1 month");

    /** 1970-01-05 was a Monday: weeks start on Mondays. */
    private static final long WEEK_ORIGIN = 4 * 86_400_000L;

    private final long approxMillis;
    private final String label;

    BucketInterval(long approxMillis, String label) {
        this.approxMillis = approxMillis;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The finest interval that draws {@code [from, to)} in at most {@code maxBuckets} buckets. */
    public static BucketInterval choose(long from, long to, int maxBuckets) {
        long span = Math.max(1, to - from);
        for (BucketInterval interval : values()) {
            if (span / interval.approxMillis < maxBuckets) {
                return interval;
            }
        }
        return MONTH;
    }

    public long floor(long t) {
        return switch (this) {
            case MONTH -> {
                var date = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
                yield YearMonth.of(date.getYear(), date.getMonth()).atDay(1).atStartOfDay(ZoneOffset.UTC)
                        .toInstant().toEpochMilli();
            }
            case WEEK -> Math.floorDiv(t - WEEK_ORIGIN, approxMillis) * approxMillis + WEEK_ORIGIN;
            default -> Math.floorDiv(t, approxMillis) * approxMillis;
        };
    }

    public long next(long bucketStart) {
        if (this == MONTH) {
            return Instant.ofEpochMilli(bucketStart).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli();
        }
        return bucketStart + approxMillis;
    }

    /** Bucket starts covering [from, to). */
    public long[] starts(long from, long to) {
        long first = floor(from);
        int n = 0;
        for (long t = first; t < to || n == 0; t = next(t)) {
            n++;
        }
        long[] starts = new long[n];
        long t = first;
        for (int i = 0; i < n; i++) {
            starts[i] = t;
            t = next(t);
        }
        return starts;
    }
}

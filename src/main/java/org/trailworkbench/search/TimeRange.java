package org.trailworkbench.search;

import java.time.Instant;

/**
 * A half-open time range [from, to) in epoch milliseconds; either end may be open (null).
 */
public record TimeRange(Long from, Long to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("the time range ends (" + Instant.ofEpochMilli(to)
                    + ") before it starts (" + Instant.ofEpochMilli(from) + ")");
        }
    }

    public static TimeRange of(Instant from, Instant to) {
        return new TimeRange(from == null ? null : from.toEpochMilli(), to == null ? null : to.toEpochMilli());
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    public boolean isBounded() {
        return from != null && to != null;
    }
}

package org.trailworkbench.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Where the time axis gets its labels: round steps aligned to the displayed zone's clock. */
final class TimeTicks {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] STEPS = {MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR,
            12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY};

    private TimeTicks() {
    }

    /** The finest step that gives at most {@code maxTicks} ticks over the span. */
    static long step(long from, long to, int maxTicks) {
        for (long step : STEPS) {
            if ((to - from) / step <= maxTicks) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    static List<Long> ticks(long from, long to, long step, ZoneId zone) {
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli(from)).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(from + offset, step) * step - offset;
        List<Long> ticks = new ArrayList<>();
        for (long t = first; t <= to; t += step) {
            if (t >= from) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    static boolean coarse(long step) {
        return step >= DAY;
    }
}

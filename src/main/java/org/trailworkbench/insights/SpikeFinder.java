package org.trailworkbench.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds unusual bursts in one series of per-minute counts (the write calls, or the errors, of one API in
 * one account and region). A burst starts at the first minute whose window (the events of the
 * {@code windowMinutes} minutes ending with it) reaches the threshold of that day's baseline, and goes on
 * while the window holds at least half the threshold: the hysteresis keeps a burst whose rate wobbles one
 * anomaly instead of several. Bursts less than a window apart are joined; a burst is kept when its events
 * span the minimum duration.
 */
final class SpikeFinder {

    private final DetectionParameters parameters;
    private final long firstMinute;
    private final long lastMinute;

    /**
     * A burst, in epoch minutes.
     *
     * @param start    first minute with events of the burst
     * @param end      the minute after its last events
     * @param events   events in [start, end)
     * @param baseline the baseline it was judged against
     */
    record Spike(long start, long end, long events, Baselines.Day baseline) {
        long minutes() {
            return end - start;
        }

        double average() {
            return events / (double) minutes();
        }
    }

    SpikeFinder(DetectionParameters parameters, long firstMinute, long lastMinute) {
        this.parameters = parameters;
        this.firstMinute = firstMinute;
        this.lastMinute = lastMinute;
    }

    /** @param minutes distinct epoch minutes in increasing order; @param counts events in each */
    List<Spike> find(long[] minutes, int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total < parameters.minWindowEvents()) {
            return List.of(); // no window can reach the threshold
        }
        Baselines baselines = new Baselines(parameters, firstMinute, lastMinute, minutes, counts);
        long[] hot = hotMinutes(minutes, counts, baselines);
        List<Spike> spikes = new ArrayList<>();
        int w = parameters.windowMinutes();
        int runStart = 0;
        for (int i = 1; i <= hot.length; i++) {
            if (i == hot.length || hot[i] - hot[i - 1] > w) {
                if (hot.length > 0) {
                    Spike spike = spike(hot[runStart], hot[i - 1], minutes, counts, baselines);
                    if (spike.minutes() >= parameters.minDurationMinutes()) {
                        spikes.add(spike);
                    }
                }
                runStart = i;
            }
        }
        return spikes;
    }

    /**
     * The minutes inside bursts. Only minutes within a window after some event can have a non-empty window,
     * so only those are visited; a minute not visited has an empty window and ends any burst.
     */
    private long[] hotMinutes(long[] minutes, int[] counts, Baselines baselines) {
        int w = parameters.windowMinutes();
        long[] hot = new long[16];
        int n = 0;
        int lo = 0;
        int hi = 0;
        long sum = 0;
        long visited = Long.MIN_VALUE;
        for (long m : minutes) {
            long to = Math.min(m + w - 1, lastMinute);
            for (long t = Math.max(m, visited + 1); t <= to; t++) {
                while (hi < minutes.length && minutes[hi] <= t) {
                    sum += counts[hi++];
                }
                while (minutes[lo] <= t - w) {
                    sum -= counts[lo++];
                }
                int threshold = baselines.threshold(t);
                boolean continuing = n > 0 && hot[n - 1] == t - 1;
                if (continuing ? 2 * sum >= threshold : sum >= threshold) {
                    if (n == hot.length) {
                        hot = Arrays.copyOf(hot, n * 2);
                    }
                    hot[n++] = t;
                }
            }
            visited = Math.max(visited, to);
        }
        return Arrays.copyOf(hot, n);
    }

    /** The burst's own extent: from the first event that made its first hot window to its last event. */
    private Spike spike(long firstHot, long lastHot, long[] minutes, int[] counts, Baselines baselines) {
        int from = lowerBound(minutes, firstHot - parameters.windowMinutes() + 1);
        int to = lowerBound(minutes, lastHot + 1) - 1;
        long events = 0;
        for (int i = from; i <= to; i++) {
            events += counts[i];
        }
        return new Spike(minutes[from], minutes[to] + 1, events, baselines.forMinute(minutes[from]));
    }

    private static int lowerBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }
}

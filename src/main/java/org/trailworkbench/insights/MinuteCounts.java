package org.trailworkbench.insights;

/**
 * Per-minute counts of one series: distinct epoch minutes in increasing order, and the events in each.
 * Minutes without events are left out.
 */
public record MinuteCounts(long[] minutes, int[] counts) {

    public static final MinuteCounts EMPTY = new MinuteCounts(new long[0], new int[0]);

    public MinuteCounts {
        if (minutes.length != counts.length) {
            throw new IllegalArgumentException("one count per minute: " + minutes.length + " minutes, "
                    + counts.length + " counts");
        }
    }
}

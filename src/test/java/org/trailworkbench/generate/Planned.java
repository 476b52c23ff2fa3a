package org.trailworkbench.generate;

/**
 * An event before it is written: its time, the seed that decides everything else about it, and who
 * makes it. Writing is a pure function of these three values, which is how a re-delivered record comes
 * out byte for byte the same in its second file without being kept in memory.
 *
 * @param kind {@link #PERSON}, {@link #AUTOMATION}, or the index of the spike it belongs to
 */
record Planned(long time, long seed, int kind) implements Comparable<Planned> {
    static final int AUTOMATION = -1;
    static final int PERSON = -2;

    @Override
    public int compareTo(Planned other) {
        int byTime = Long.compare(time, other.time);
        return byTime != 0 ? byTime : Long.compare(seed, other.seed);
    }
}

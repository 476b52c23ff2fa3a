package org.trailworkbench.search;

/**
 * Where a page ended: the last event's time and Lucene doc id ({@code searchAfter}), so the next page costs
 * the same at any depth. Valid for the index view it came from; a new import may shift ties.
 *
 * @param key on a remote case, the last event's id, which breaks ties in time there (doc and shardIndex unused)
 */
public record Cursor(long time, int doc, int shardIndex, String key) {

    /** A cursor of the local index: its doc id breaks ties in time. */
    public Cursor(long time, int doc, int shardIndex) {
        this(time, doc, shardIndex, null);
    }
}

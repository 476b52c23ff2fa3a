package org.trailworkbench.search;

/**
 * Where a page ended: the last event's time and Lucene doc id ({@code searchAfter}), so the next page costs
 * the same at any depth. Valid for the index view it came from; a new import may shift ties.
 */
public record Cursor(long time, int doc, int shardIndex) {
}

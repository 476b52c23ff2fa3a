package org.trailworkbench.search;

/**
 * One listed event.
 *
 * @param time epoch milliseconds, or Long.MIN_VALUE when the record had none
 * @param json the original record
 * @param file the id of the file it was imported from
 */
public record EventHit(long time, String json, String file) {
}

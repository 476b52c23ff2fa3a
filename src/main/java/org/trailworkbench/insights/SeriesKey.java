package org.trailworkbench.insights;

/** One API in one account and region: what a rate is counted for. Empty strings where the events had no value. */
public record SeriesKey(String account, String region, String eventSource, String eventName) {
}

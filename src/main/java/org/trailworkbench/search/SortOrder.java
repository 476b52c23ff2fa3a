package org.trailworkbench.search;

/** Events are listed by time, either way. */
public enum SortOrder {
    NEWEST_FIRST,
    OLDEST_FIRST
}

package org.trailworkbench.ingest;

/** What a file turned out to be, from its path or, failing that, its content. */
public enum FileKind {
    /** A CloudTrail log file or another container of events (export, array, JSON Lines). */
    EVENTS,
    /** A CloudTrail Insights file: its records are indexed as events and feed the Insights feature. */
    INSIGHTS,
    /** A digest file: not events, it belongs to integrity verification. */
    DIGEST,
    /** Readable JSON, but no CloudTrail event in it. */
    NOT_CLOUDTRAIL,
    /** Zero bytes, or only whitespace. */
    EMPTY
}

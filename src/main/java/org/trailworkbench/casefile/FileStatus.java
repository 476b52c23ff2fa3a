package org.trailworkbench.casefile;

/** What became of one file in an import. */
public enum FileStatus {
    /** Read to the end; its events are in the index. */
    IMPORTED,
    /** Read up to damage; the events before it are in the index. */
    DAMAGED,
    /** A digest file: recorded for integrity verification, not indexed. */
    DIGEST,
    /** JSON without CloudTrail events, or not JSON at all. */
    NOT_CLOUDTRAIL,
    /** Zero bytes or only whitespace. */
    EMPTY,
    /** Could not be read at all (permissions, I/O error). */
    FAILED;

    /** Whether a later import should skip the file when its bytes have not changed. */
    public boolean isFinal() {
        return this != FAILED;
    }
}

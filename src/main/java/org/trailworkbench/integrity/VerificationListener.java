package org.trailworkbench.integrity;

import java.util.List;

/**
 * What a running verification tells its watcher. Called from worker threads, possibly several at once: a
 * UI must hand the calls over to its own thread.
 */
public interface VerificationListener {

    VerificationListener SILENT = new VerificationListener() {
    };

    /** New items, pending: first every file listed, later the missing files and gaps the chains reveal. */
    default void itemsAdded(List<VerificationItem> items) {
    }

    /** An item got its verdict. */
    default void itemSettled(VerificationItem item) {
    }

    /** At most a few times a second, and once at the end. */
    default void progress(VerificationProgress progress) {
    }
}

package org.trailworkbench.s3;

/** How a download reports to whoever started it. Called from worker threads; implementations hop threads. */
public interface DownloadListener {

    DownloadListener SILENT = new DownloadListener() {
    };

    /** While the listing runs: objects listed so far. */
    default void listed(long objects) {
    }

    /**
     * A few times a second during the transfer.
     *
     * @param done  objects finished (written, already present or failed)
     * @param total objects selected
     * @param bytes bytes fetched so far
     */
    default void progress(int done, int total, long bytes) {
    }
}

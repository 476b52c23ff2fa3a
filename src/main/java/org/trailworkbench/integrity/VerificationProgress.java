package org.trailworkbench.integrity;

/**
 * How far a verification is: files and bytes read of those listed, and what it is doing.
 *
 * @param step what is happening, in a few words ("listing", "digests", "log files", "done")
 */
public record VerificationProgress(String step, long filesDone, long filesTotal, long bytesDone, long bytesTotal) {

    /** Share of the bytes read, 0 to 1. */
    public double fraction() {
        return bytesTotal <= 0 ? (filesTotal <= 0 ? 0 : (double) filesDone / filesTotal) : (double) bytesDone / bytesTotal;
    }
}

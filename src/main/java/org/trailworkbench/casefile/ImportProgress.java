package org.trailworkbench.casefile;

import java.time.Duration;

/**
 * A snapshot of a running import, for any front end.
 *
 * @param filesDone  files finished (imported, skipped or failed)
 * @param filesTotal files selected
 * @param events     records read so far
 * @param bytesDone  bytes read so far (as stored, so compressed for .gz)
 * @param bytesTotal bytes of all selected files
 * @param problems   files damaged, not CloudTrail or failed so far
 * @param elapsed    time since the import started
 */
public record ImportProgress(int filesDone, int filesTotal, long events, long bytesDone, long bytesTotal,
                             int problems, Duration elapsed) {

    public double eventsPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : events / seconds;
    }

    public double fraction() {
        return bytesTotal <= 0 ? (filesTotal == 0 ? 1 : (double) filesDone / filesTotal) : (double) bytesDone / bytesTotal;
    }

    /** Estimated time left by bytes read so far; null until there is something to go on. */
    public Duration remaining() {
        double f = fraction();
        if (f <= 0.01 || f >= 1) {
            return f >= 1 ? Duration.ZERO : null;
        }
        return Duration.ofMillis((long) (elapsed.toMillis() * (1 - f) / f));
    }
}

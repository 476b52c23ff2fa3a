package org.trailworkbench.cli;

import java.io.PrintWriter;

/**
 * One line on stderr that rewrites itself ({@code \r}), at most a few times a second. Only drawn for a
 * person at a terminal: in a log file a stream of carriage returns and escapes is noise.
 */
final class ProgressLine {

    private static final long MIN_INTERVAL_NANOS = 200_000_000L;
    /** ANSI "erase to end of line": also wipes what the terminal echoed after the line, such as ^C. */
    private static final String ERASE_TO_END = "\u001b[K";

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDrawn;
    private boolean drawn;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    synchronized void show(String text) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDrawn = now;
        err.print("\r" + text + ERASE_TO_END);
        err.flush();
        drawn = true;
    }

    /** Clears the line so the summary starts on a clean one. */
    synchronized void clear() {
        if (enabled && drawn) {
            err.print("\r" + ERASE_TO_END);
            err.flush();
            drawn = false;
        }
    }
}

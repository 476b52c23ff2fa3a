package org.trailworkbench.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Numbers, durations and times as people read them in a terminal. */
final class Format {

    private Format() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return s / 60 > 0 ? (s / 60) + "m " + (s % 60) + "s" : s + " s";
        }
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }

    /** Epoch millis as an ISO instant, or an empty string for "no time". */
    static String time(Long millis) {
        return millis == null || millis == Long.MIN_VALUE ? "" : Instant.ofEpochMilli(millis).toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * A value made safe for a terminal: control characters (which could move the cursor or recolour the
     * screen, and CloudTrail values are chosen by whoever made the call) become visible escapes.
     */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0);
            if (control && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return out == null ? value : out.toString();
    }
}

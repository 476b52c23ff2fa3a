package org.trailworkbench.ui.integrity;

import org.trailworkbench.ingest.TrailPath;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a verified file belongs in the tree and on the coverage grid, read from its key: account, region,
 * day, and the instant its name carries (a digest's end, a log file's delivery minute).
 *
 * @param account the account, or "(unknown)" for a key off CloudTrail's layout
 * @param region  the region, or "(unknown)"
 * @param day     {@code yyyy-MM-dd}, or "(unknown)"
 * @param time    the digest's end or the log's delivery, or null when the name does not say
 */
record Place(String account, String region, String day, Instant time) {

    static final String UNKNOWN = "(unknown)";
    private static final Pattern STAMP = Pattern.compile("_(\\d{8}T\\d{4}(?:\\d{2})?Z)[_.]");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    static Place of(String key) {
        TrailPath path = TrailPath.parse(key).orElse(null);
        String name = key.substring(key.lastIndexOf('/') + 1);
        Instant time = stamp(name);
        if (path == null) {
            return new Place(UNKNOWN, UNKNOWN, UNKNOWN, time);
        }
        return new Place(path.account() == null ? UNKNOWN : path.account(), path.region() == null ? UNKNOWN : path.region(),
                path.date() == null ? UNKNOWN : path.date().toString(), time);
    }

    private static Instant stamp(String name) {
        Matcher m = STAMP.matcher(name);
        if (!m.find()) {
            return null;
        }
        String s = m.group(1);
        try {
            return LocalDateTime.parse(s, s.length() == 16 ? SECOND : MINUTE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The account and region: one row of the coverage grid, one branch of the tree. */
    String scope() {
        return account + " · " + region;
    }
}

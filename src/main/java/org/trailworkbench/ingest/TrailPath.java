package org.trailworkbench.ingest;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CloudTrail object key (or a relative path in a copy of a bucket) says about its file before it is
 * opened: {@code [prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail[-Digest|-Insight]/<region>/YYYY/MM/DD/name}.
 * File names alone carry the same facts ({@code <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_...}),
 * which lets filters work on a flat folder of downloaded files too.
 *
 * @param orgId   the organization id for organization trails, else null
 * @param account the account id, or null when neither path nor name tells
 * @param region  the region, or null when unknown
 * @param date    the day of delivery, or null when unknown
 * @param kind    what the path says the file is (events, digest, insights)
 */
public record TrailPath(String orgId, String account, String region, LocalDate date, FileKind kind) {

    private static final Pattern LAYOUT = Pattern.compile(
            "(?:^|.*/)AWSLogs/(?:(o-[a-z0-9]{4,32})/)?([^/]+)/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)/"
                    + "([^/]+)/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+$");
    private static final Pattern NAME = Pattern.compile(
            "^(\\d{12})_(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)_([a-z0-9-]+)_(?:.*_)?(\\d{4})(\\d{2})(\\d{2})T\\d{4,6}Z[^/]*$");

    /** Parses a '/'-separated relative path or object key; empty when it says nothing we can use. */
    public static Optional<TrailPath> parse(String key) {
        Matcher m = LAYOUT.matcher(key);
        if (m.matches()) {
            return Optional.of(new TrailPath(m.group(1), m.group(2), m.group(4),
                    date(m.group(5), m.group(6), m.group(7)), kind(m.group(3))));
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        Matcher n = NAME.matcher(name);
        if (n.matches()) {
            return Optional.of(new TrailPath(null, n.group(1), n.group(3),
                    date(n.group(4), n.group(5), n.group(6)), kind(n.group(2))));
        }
        return Optional.empty();
    }

    private static FileKind kind(String folder) {
        return switch (folder) {
            case "CloudTrail-Digest" -> FileKind.DIGEST;
            case "CloudTrail-Insight" -> FileKind.INSIGHTS;
            default -> FileKind.EVENTS;
        };
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}

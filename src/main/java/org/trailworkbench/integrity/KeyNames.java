package org.trailworkbench.integrity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What CloudTrail object keys say, for the chain logic: the part from {@code AWSLogs/} on (the "tail") is
 * the same in a bucket and in any copy of it, while the part before (the key prefix, or the folder a copy
 * sits in) may differ. Digest names carry their end time to the second, log names their delivery minute.
 */
final class KeyNames {
    private static final String AWSLOGS = "AWSLogs/";
    private static final Pattern DIGEST = Pattern.compile(
            "AWSLogs/(?:(o-[a-z0-9]+)/)?(\\d{12})/CloudTrail-Digest/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/"
                    + "\\2_CloudTrail-Digest_\\3_(.+)_(\\d{8}T\\d{6}Z)(_backfill)?\\.json\\.gz");
    private static final Pattern FILE = Pattern.compile(
            "AWSLogs/(?:(o-[a-z0-9]+)/)?(\\d{12})/(CloudTrail|CloudTrail-Insight)/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/"
                    + "\\2_(?:CloudTrail|CloudTrail-Insight)_\\4_(\\d{8}T\\d{4}Z)_[^/]+");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private KeyNames() {
    }

    /**
     * A digest's place in its chain.
     *
     * @param prefix     everything before {@code AWSLogs/} (empty or ending with '/')
     * @param scope      prefix, organization, account and region: the log files this chain covers
     * @param chain      the scope plus trail, home region and backfill flag: one chain of digests
     * @param trailGroup the chains of one trail in one account (all its regions), for the hourly cadence
     * @param nameTail   {@code <trail>_<homeRegion>}, to rebuild the names of missing digests
     */
    record DigestName(String prefix, String orgId, String account, String region, String nameTail, Instant end,
                      boolean backfill, String scope, String chain, String trailGroup) {

        /** The key the digest of this chain that ends at {@code at} has. */
        String keyAt(Instant at) {
            LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
            return prefix + AWSLOGS + (orgId == null ? "" : orgId + "/") + account + "/CloudTrail-Digest/" + region
                    + "/" + DAY.format(t) + "/" + account + "_CloudTrail-Digest_" + region + "_" + nameTail + "_"
                    + SECOND.format(t) + (backfill ? "_backfill" : "") + ".json.gz";
        }
    }

    /** A log or Insights file: its scope (as for digests) and delivery minute. */
    record FileName(String scope, boolean insights, Instant delivered) {
    }

    static Optional<DigestName> digest(String key) {
        int at = tailStart(key);
        Matcher m = DIGEST.matcher(key).region(Math.max(at, 0), key.length());
        if (at < 0 || !m.matches()) {
            return Optional.empty();
        }
        Instant end = time(m.group(5), SECOND);
        if (end == null) {
            return Optional.empty();
        }
        String prefix = key.substring(0, at);
        String scope = scope(prefix, m.group(1), m.group(2), m.group(3));
        boolean backfill = m.group(6) != null;
        return Optional.of(new DigestName(prefix, m.group(1), m.group(2), m.group(3), m.group(4), end, backfill,
                scope, scope + "|" + m.group(4) + (backfill ? "|backfill" : ""),
                prefix + "|" + m.group(1) + "|" + m.group(2) + "|" + m.group(4)));
    }

    static Optional<FileName> file(String key) {
        int at = tailStart(key);
        Matcher m = FILE.matcher(key).region(Math.max(at, 0), key.length());
        if (at < 0 || !m.matches()) {
            return Optional.empty();
        }
        Instant delivered = time(m.group(5), MINUTE);
        if (delivered == null) {
            return Optional.empty();
        }
        return Optional.of(new FileName(scope(key.substring(0, at), m.group(1), m.group(2), m.group(4)),
                m.group(3).equals("CloudTrail-Insight"), delivered));
    }

    private static String scope(String prefix, String org, String account, String region) {
        return prefix + AWSLOGS + (org == null ? "" : org + "/") + account + "|" + region;
    }

    /** Where {@code AWSLogs/} starts as a path segment, or -1. */
    static int tailStart(String key) {
        if (key.startsWith(AWSLOGS)) {
            return 0;
        }
        int at = key.indexOf("/" + AWSLOGS);
        return at < 0 ? -1 : at + 1;
    }

    /** The key from {@code AWSLogs/} on; the whole key when it has no such segment. */
    static String tail(String key) {
        int at = tailStart(key);
        return at < 0 ? key : key.substring(at);
    }

    /** The part before the tail. */
    static String prefix(String key) {
        int at = tailStart(key);
        return at < 0 ? "" : key.substring(0, at);
    }

    private static Instant time(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

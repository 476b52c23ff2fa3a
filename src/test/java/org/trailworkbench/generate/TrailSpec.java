package org.trailworkbench.generate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to generate. Every byte of the output follows from these values, so two runs of one spec give
 * identical folders.
 *
 * @param seed          drives every random choice, the RSA key included
 * @param accounts      12-digit account ids; each gets its own principals, resources and digest chains
 * @param orgId         when set ({@code o-...}), the organization-trail layout {@code AWSLogs/o-xxxx/<account>/...}
 * @param regions       regions the trail logs; the first share of events goes to {@code homeRegion}
 * @param homeRegion    the trail's home region: it appears in digest file names and gets the most traffic
 * @param trailName     appears in digest file names
 * @param bucket        the S3 bucket the files claim to live in (digests name it)
 * @param prefix        optional S3 key prefix before {@code AWSLogs/}, without slashes at the ends
 * @param start         first instant covered; on a 5-minute boundary because CloudTrail delivers in 5-minute rounds
 * @param days          number of 24-hour days from {@code start}
 * @param eventsPerDay  events per account per day, all regions together (the real count varies a little)
 * @param withDigests   write hourly digest files, their signature sidecars and {@code public-keys.json}
 * @param withInsights  write CloudTrail-Insight files for the injected spikes
 * @param duplicateRate share of records that CloudTrail delivers a second time in a later file
 */
public record TrailSpec(
        long seed,
        List<String> accounts,
        String orgId,
        List<String> regions,
        String homeRegion,
        String trailName,
        String bucket,
        String prefix,
        Instant start,
        int days,
        long eventsPerDay,
        boolean withDigests,
        boolean withInsights,
        double duplicateRate) {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ORG = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{3,128}");

    public TrailSpec {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(trailName, "trailName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(start, "start");
        if (accounts.isEmpty() || !accounts.stream().allMatch(a -> ACCOUNT.matcher(a).matches())) {
            throw new IllegalArgumentException("accounts must be 12-digit ids: " + accounts);
        }
        if (accounts.stream().distinct().count() != accounts.size()) {
            throw new IllegalArgumentException("accounts repeat: " + accounts);
        }
        if (orgId != null && !ORG.matcher(orgId).matches()) {
            throw new IllegalArgumentException("orgId must look like o-a1b2c3d4e5: " + orgId);
        }
        if (regions.isEmpty() || !regions.stream().allMatch(r -> REGION.matcher(r).matches())
                || regions.stream().distinct().count() != regions.size()) {
            throw new IllegalArgumentException("regions must be distinct region names: " + regions);
        }
        if (!regions.contains(homeRegion)) {
            throw new IllegalArgumentException("homeRegion " + homeRegion + " is not among " + regions);
        }
        if (!NAME.matcher(trailName).matches() || !NAME.matcher(bucket).matches()) {
            throw new IllegalArgumentException("trailName and bucket must be plain names");
        }
        if (prefix != null && (prefix.isBlank() || prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("prefix must be null or have no slash at either end: " + prefix);
        }
        if (start.getNano() != 0 || start.getEpochSecond() % 300 != 0) {
            throw new IllegalArgumentException("start must be on a 5-minute boundary: " + start);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be 1..366: " + days);
        }
        if (eventsPerDay < 0) {
            throw new IllegalArgumentException("eventsPerDay must not be negative");
        }
        if (!(duplicateRate >= 0 && duplicateRate <= 0.5)) {
            throw new IllegalArgumentException("duplicateRate must be in [0, 0.5]: " + duplicateRate);
        }
    }

    /**
     * What {@code sample-logs/} holds: one account, three regions, three days (Thursday to Saturday, so the
     * weekend dip shows), about 13,000 events, digests and Insights on. Sized to stay under 10 MB even as du
     * counts it (4 KiB blocks): its 1,700 small files, not its events, are what fills the disk.
     */
    public static TrailSpec sample() {
        return builder()
                .seed(20250306L)
                .accounts(List.of("111122223333"))
                .regions(List.of("us-east-1", "eu-west-1", "ap-southeast-2"))
                .homeRegion("us-east-1")
                .trailName("management-events")
                .bucket("aws-cloudtrail-logs-111122223333-7f3a9c21")
                .start(Instant.parse("2025-03-06T00:00:00Z"))
                .days(3)
                .eventsPerDay(4_400)
                .build();
    }

    /**
     * A benchmark corpus of about {@code events} events: an organization trail over three accounts, four
     * regions and seven days, under a key prefix, with digests and Insights.
     */
    public static TrailSpec benchmark(long events) {
        if (events < 1) {
            throw new IllegalArgumentException("events must be positive: " + events);
        }
        List<String> accounts = List.of("210987654321", "345678901234", "456789012345");
        int days = 7;
        return builder()
                .seed(7_340_033L)
                .accounts(accounts)
                .orgId("o-7k2m9x4q1z")
                .regions(List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1"))
                .homeRegion("us-east-1")
                .trailName("org-trail")
                .bucket("org-cloudtrail-logs-7k2m9x4q1z")
                .prefix("audit")
                .start(Instant.parse("2025-03-03T00:00:00Z"))
                .days(days)
                .eventsPerDay(Math.max(1, (events + accounts.size() * days - 1) / (accounts.size() * days)))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).accounts(accounts).orgId(orgId).regions(regions).homeRegion(homeRegion)
                .trailName(trailName).bucket(bucket).prefix(prefix).start(start).days(days)
                .eventsPerDay(eventsPerDay).withDigests(withDigests).withInsights(withInsights)
                .duplicateRate(duplicateRate);
    }

    /** Starts from a one-account, one-region, one-day trail; set what differs. */
    public static final class Builder {
        private long seed = 1;
        private List<String> accounts = List.of("111122223333");
        private String orgId;
        private List<String> regions = List.of("us-east-1");
        private String homeRegion;
        private String trailName = "management-events";
        private String bucket = "aws-cloudtrail-logs-111122223333-7f3a9c21";
        private String prefix;
        private Instant start = Instant.parse("2025-03-06T00:00:00Z");
        private int days = 1;
        private long eventsPerDay = 1_000;
        private boolean withDigests = true;
        private boolean withInsights = true;
        private double duplicateRate = 0.002;

        private Builder() {
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder accounts(List<String> value) {
            accounts = value;
            return this;
        }

        public Builder orgId(String value) {
            orgId = value;
            return this;
        }

        public Builder regions(List<String> value) {
            regions = value;
            return this;
        }

        public Builder homeRegion(String value) {
            homeRegion = value;
            return this;
        }

        public Builder trailName(String value) {
            trailName = value;
            return this;
        }

        public Builder bucket(String value) {
            bucket = value;
            return this;
        }

        public Builder prefix(String value) {
            prefix = value;
            return this;
        }

        public Builder start(Instant value) {
            start = value;
            return this;
        }

        public Builder days(int value) {
            days = value;
            return this;
        }

        public Builder eventsPerDay(long value) {
            eventsPerDay = value;
            return this;
        }

        public Builder withDigests(boolean value) {
            withDigests = value;
            return this;
        }

        public Builder withInsights(boolean value) {
            withInsights = value;
            return this;
        }

        public Builder duplicateRate(double value) {
            duplicateRate = value;
            return this;
        }

        /** The home region defaults to the first region. */
        public TrailSpec build() {
            String home = homeRegion != null ? homeRegion : regions.isEmpty() ? null : regions.get(0);
            return new TrailSpec(seed, accounts, orgId, regions, home, trailName, bucket, prefix, start, days,
                    eventsPerDay, withDigests, withInsights, duplicateRate);
        }
    }
}

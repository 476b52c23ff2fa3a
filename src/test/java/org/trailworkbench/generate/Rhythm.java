package org.trailworkbench.generate;

import java.util.Map;

/**
 * When things happen. People work office hours in the region's own time zone and rest at weekends;
 * automation runs around the clock. A window's volume mixes the two, and so does the chance that one of
 * its events was made by a person.
 */
final class Rhythm {
    /** The share of a working day's events that people make. */
    static final double HUMAN_SHARE = 0.35;

    private static final Map<String, Integer> UTC_OFFSETS = Map.ofEntries(
            Map.entry("us-east-1", -5), Map.entry("us-east-2", -5), Map.entry("us-west-1", -8),
            Map.entry("us-west-2", -8), Map.entry("ca-central-1", -5), Map.entry("sa-east-1", -3),
            Map.entry("eu-west-1", 0), Map.entry("eu-west-2", 0), Map.entry("eu-west-3", 1),
            Map.entry("eu-central-1", 1), Map.entry("eu-north-1", 1), Map.entry("eu-south-1", 1),
            Map.entry("ap-south-1", 5), Map.entry("ap-southeast-1", 8), Map.entry("ap-southeast-2", 10),
            Map.entry("ap-northeast-1", 9), Map.entry("ap-northeast-2", 9), Map.entry("me-central-1", 4),
            Map.entry("af-south-1", 2));

    private Rhythm() {
    }

    static int utcOffset(String region) {
        return UTC_OFFSETS.getOrDefault(region, 0);
    }

    /** People's relative activity at {@code epochSecond}: a bell over office hours, low at night and weekends. */
    static double human(String region, long epochSecond) {
        long local = epochSecond + utcOffset(region) * 3600L;
        double hour = Math.floorMod(local, 86_400L) / 3600.0;
        long dayOfWeek = Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L); // 0 = Monday (1970-01-01 was a Thursday)
        double bell = StrictMath.exp(-StrictMath.pow(hour - 13.5, 2) / (2 * 3.0 * 3.0));
        double evening = 0.15 * StrictMath.exp(-StrictMath.pow(hour - 21, 2) / 2.0);
        double level = 0.03 + bell + evening;
        return dayOfWeek >= 5 ? level * 0.2 : level;
    }

    /** Automation: flat, with the nightly backups and reports around 02:00 local. */
    static double automation(String region, long epochSecond) {
        long local = epochSecond + utcOffset(region) * 3600L;
        double hour = Math.floorMod(local, 86_400L) / 3600.0;
        return 1.0 + 0.6 * StrictMath.exp(-StrictMath.pow(hour - 2.5, 2) / 0.5);
    }

    /** The Monday 00:00 UTC on or before {@code epochSecond}, a reference working day. */
    static long mondayOf(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        return (day - Math.floorMod(day + 3, 7L)) * 86_400L;
    }

    /** Sum of {@link #human} over a day's 5-minute windows, sampled at their middles. */
    static double humanDay(String region, long dayStart) {
        double sum = 0;
        for (int w = 0; w < 288; w++) {
            sum += human(region, dayStart + w * 300L + 150);
        }
        return sum;
    }

    static double automationDay(String region, long dayStart) {
        double sum = 0;
        for (int w = 0; w < 288; w++) {
            sum += automation(region, dayStart + w * 300L + 150);
        }
        return sum;
    }
}

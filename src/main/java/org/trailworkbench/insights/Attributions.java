package org.trailworkbench.insights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What AWS calls attributions, computed for a local anomaly: the top identities, user agents and error codes
 * of the counted events during the anomaly and during its baseline, with their averages per minute. The
 * counts come from the {@link InsightsSource}; ranking them, and naming a role rather than its sessions, is
 * the same for every backend.
 */
public final class Attributions {

    static final int TOP = 5;
    /** AWS's label for events without the attribute. */
    public static final String NONE = "null";

    private static final List<String> FIELDS = List.of("userIdentity.arn", "userAgent", "errorCode");
    private static final String[] ATTRIBUTES = {Attribution.IDENTITY, Attribution.USER_AGENT, Attribution.ERROR_CODE};

    private Attributions() {
    }

    static List<Attribution> attribute(InsightsSource source, SeriesKey key, InsightType type, SpikeFinder.Spike spike)
            throws IOException {
        List<Map<String, long[]>> counts = source.attributeCounts(key, type, spike.start(), spike.end(),
                spike.baseline().ranges(), FIELDS);
        List<Attribution> result = new ArrayList<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            Map<String, long[]> byValue = f == 0 ? byIdentity(counts.get(f)) : counts.get(f);
            result.add(new Attribution(ATTRIBUTES[f], top(byValue, 0, spike.minutes()),
                    top(byValue, 1, spike.baseline().minutes())));
        }
        return result;
    }

    private static Map<String, long[]> byIdentity(Map<String, long[]> byArn) {
        Map<String, long[]> merged = new HashMap<>();
        byArn.forEach((arn, n) -> {
            long[] total = merged.computeIfAbsent(identity(arn), v -> new long[2]);
            total[0] += n[0];
            total[1] += n[1];
        });
        return merged;
    }

    /**
     * Insights names a role, not each of its sessions: {@code arn:aws:sts::1:assumed-role/app/i-0abc} counts
     * as {@code arn:aws:sts::1:assumed-role/app}, so a fleet of sessions shows as the one identity it is.
     */
    static String identity(String arn) {
        int role = arn.indexOf(":assumed-role/");
        if (role < 0) {
            return arn;
        }
        int session = arn.indexOf('/', role + ":assumed-role/".length());
        return session < 0 ? arn : arn.substring(0, session);
    }

    private static List<Contributor> top(Map<String, long[]> counts, int which, long minutes) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[which] > 0)
                .sorted((a, b) -> a.getValue()[which] != b.getValue()[which]
                        ? Long.compare(b.getValue()[which], a.getValue()[which]) : a.getKey().compareTo(b.getKey()))
                .limit(TOP)
                .map(e -> new Contributor(e.getKey(), e.getValue()[which] / (double) Math.max(1, minutes)))
                .toList();
    }
}

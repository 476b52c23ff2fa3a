package org.trailworkbench.ui.insights;

import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.Attribution;
import org.trailworkbench.insights.Contributor;

import java.time.Duration;
import java.util.Locale;

/** An anomaly in words: the hover summary on the timeline and the detail in the Insights panel. */
final class AnomalyText {

    private AnomalyText() {
    }

    static String api(Anomaly a) {
        return (a.eventSource() == null ? "?" : a.eventSource()) + " " + (a.eventName() == null ? "?" : a.eventName());
    }

    static String duration(Anomaly a) {
        if (a.end() == null) {
            return "ongoing";
        }
        long minutes = Duration.between(a.start(), a.end()).toMinutes();
        return minutes >= 120 ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60) : minutes + " min";
    }

    /** "ApiCallRateInsight, detected locally: 0.20 calls/min normally, 14.5 during (x72), for 45 min". */
    static String summary(Anomaly a) {
        return api(a) + "\n"
                + a.type().awsName() + " · " + a.origin().label() + " · " + a.state().name().toLowerCase(Locale.ROOT) + "\n"
                + String.format(Locale.ROOT, "baseline %.2f/min vs insight %.2f/min (×%.1f)", a.baselineAverage(),
                a.insightAverage(), a.severity()) + "\n"
                + "duration " + duration(a) + " from " + a.start() + (a.end() == null ? "" : " to " + a.end()) + "\n"
                + (a.account().isEmpty() ? "" : a.account() + " · ") + (a.region() == null ? "" : a.region());
    }

    /** The summary plus every attribution, insight and baseline side by side. */
    static String detail(Anomaly a) {
        StringBuilder text = new StringBuilder(summary(a)).append("\n");
        if (a.attributions().isEmpty()) {
            text.append("\nNo attributions (AWS gave none for this Insight).");
        }
        for (Attribution at : a.attributions()) {
            text.append("\n").append(at.attribute()).append(" — during the anomaly:");
            at.insight().forEach(c -> text.append("\n    ").append(line(c)));
            text.append("\n  in the baseline:");
            at.baseline().forEach(c -> text.append("\n    ").append(line(c)));
        }
        return text.toString();
    }

    private static String line(Contributor c) {
        return String.format(Locale.ROOT, "%8.2f/min  %s", c.average(), c.value());
    }
}

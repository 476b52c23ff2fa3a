package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the CloudTrail Insights events for the injected spikes: a Start record when the burst begins and
 * an End record when it stops, joined by sharedEventID, each delivered in its own CloudTrail-Insight file
 * some minutes later. Digests do not cover these files, as in AWS.
 */
final class InsightsWriter {
    /** Insights compares against the seven days before the burst. */
    private static final int BASELINE_MINUTES = 10_080;

    private final TrailSpec spec;
    private final TrailLayout layout;
    private final Path root;
    private final JsonFactory json;

    InsightsWriter(TrailSpec spec, TrailLayout layout, Path root, JsonFactory json) {
        this.spec = spec;
        this.layout = layout;
        this.root = root;
        this.json = json;
    }

    /** Returns the bytes written. */
    long write(List<SpikePlan> spikes) throws IOException {
        long bytes = 0;
        for (SpikePlan plan : spikes) {
            InjectedSpike spike = plan.spike();
            Rng r = new Rng(Rng.mix(spec.seed(), "insight " + spike.account() + " " + spike.region() + " "
                    + spike.start()));
            String shared = Ids.uuid(r);
            long start = spike.start().getEpochSecond();
            long end = spike.end().getEpochSecond();
            bytes += writeFile(plan, r, shared, true, start, start + r.between(8, 20) * 60L);
            bytes += writeFile(plan, r, shared, false, end, end + r.between(8, 20) * 60L);
        }
        return bytes;
    }

    private long writeFile(SpikePlan plan, Rng r, String shared, boolean start, long eventTime, long delivered)
            throws IOException {
        InjectedSpike spike = plan.spike();
        String key = layout.insightKey(spike.account(), spike.region(), delivered, Ids.alnum(r, 16));
        GzipJsonFile file = new GzipJsonFile(TrailLayout.file(root, key));
        try (file; JsonGenerator g = json.createGenerator(file.json())) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            g.writeStartObject();
            g.writeStringField("eventVersion", "1.08");
            g.writeStringField("eventTime", Times.iso(eventTime));
            g.writeStringField("awsRegion", spike.region());
            g.writeStringField("eventID", Ids.uuid(r));
            g.writeStringField("eventType", "AwsCloudTrailInsight");
            g.writeStringField("recipientAccountId", spike.account());
            g.writeStringField("sharedEventID", shared);
            g.writeObjectFieldStart("insightDetails");
            g.writeStringField("state", start ? "Start" : "End");
            g.writeStringField("eventSource", spike.eventSource());
            g.writeStringField("eventName", spike.eventName());
            g.writeStringField("insightType", spike.kind().insightType());
            g.writeObjectFieldStart("insightContext");
            writeStatistics(g, spike, start);
            writeAttributions(g, plan);
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("eventCategory", "Insight");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return file.gzipBytes();
    }

    private static void writeStatistics(JsonGenerator g, InjectedSpike spike, boolean start) throws IOException {
        long minutes = Duration.between(spike.start(), spike.end()).toMinutes();
        g.writeObjectFieldStart("statistics");
        g.writeObjectFieldStart("baseline");
        average(g, spike.baselinePerMinute());
        g.writeEndObject();
        g.writeObjectFieldStart("insight");
        average(g, spike.perMinute());
        g.writeEndObject();
        // At Start, Insights has seen one minute of the burst; at End, all of it.
        g.writeNumberField("insightDuration", start ? 1 : minutes);
        g.writeNumberField("baselineDuration", BASELINE_MINUTES);
        g.writeEndObject();
    }

    private static void writeAttributions(JsonGenerator g, SpikePlan plan) throws IOException {
        InjectedSpike spike = plan.spike();
        double rate = spike.perMinute();
        double baseline = spike.baselinePerMinute();
        String account = spike.account();
        String who = plan.principal() instanceof Principal.Role role
                ? "arn:aws:sts::" + account + ":assumed-role/" + role.name() : plan.principal().arn();
        g.writeArrayFieldStart("attributions");
        attribution(g, "userIdentityArn", who, rate, new String[] {
            "arn:aws:sts::" + account + ":assumed-role/github-actions-deploy",
            "arn:aws:iam::" + account + ":user/ci-terraform"}, baseline);
        attribution(g, "userAgent", plan.agent(), rate, new String[] {Agents.TERRAFORM, "console.amazonaws.com"},
                baseline);
        attribution(g, "errorCode", spike.errorCode() == null ? "null" : spike.errorCode(), rate,
                new String[] {"null"}, baseline);
        g.writeEndArray();
    }

    /** Insights lists the top contributors during the burst and, for comparison, in the baseline. */
    private static void attribution(JsonGenerator g, String attribute, String insightValue, double rate,
                                    String[] baselineValues, double baseline) throws IOException {
        g.writeStartObject();
        g.writeStringField("attribute", attribute);
        g.writeArrayFieldStart("insight");
        g.writeStartObject();
        g.writeStringField("value", insightValue);
        average(g, rate);
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("baseline");
        for (int i = 0; i < baselineValues.length; i++) {
            g.writeStartObject();
            g.writeStringField("value", baselineValues[i]);
            average(g, baselineValues.length == 1 ? baseline : baseline * (i == 0 ? 0.7 : 0.3));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Ten decimals, as AWS prints them, from the exact binary value: Double.toString changed in JDK 19, and
     * the bytes must not depend on the JDK.
     */
    private static void average(JsonGenerator g, double value) throws IOException {
        g.writeFieldName("average");
        g.writeNumber(new BigDecimal(value).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString());
    }
}

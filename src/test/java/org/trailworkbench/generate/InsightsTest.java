package org.trailworkbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsTest {
    @TempDir
    static Path temp;
    static GeneratedTrail trail;
    static List<JsonNode> insights;
    static List<JsonNode> events;

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec spec = TrailSpec.builder().seed(3).accounts(List.of("111122223333", "444455556666"))
                .regions(List.of("us-east-1", "eu-west-1", "ap-southeast-2")).start(Instant.parse("2025-04-07T00:00:00Z"))
                .days(3).eventsPerDay(1_200).build();
        trail = new TrailGenerator(spec).generate(temp.resolve("trail"));
        insights = GeneratedFiles.records(trail.root(), GeneratedFiles.keys(trail.root(), "CloudTrail-Insight"));
        events = GeneratedFiles.records(trail.root(), GeneratedFiles.keys(trail.root(), "CloudTrail"));
    }

    @Test
    void eachSpikeHasAStartAndAnEndSharingAnEventId() {
        assertThat(trail.spikes()).hasSize(4);
        assertThat(insights).hasSize(8);
        Map<String, List<JsonNode>> pairs = insights.stream()
                .collect(Collectors.groupingBy(record -> record.get("sharedEventID").asText()));

        assertThat(pairs).hasSize(4);
        for (List<JsonNode> pair : pairs.values()) {
            assertThat(pair).extracting(record -> record.at("/insightDetails/state").asText())
                    .containsExactlyInAnyOrder("Start", "End");
            assertThat(pair.get(0).at("/insightDetails/eventName").asText())
                    .isEqualTo(pair.get(1).at("/insightDetails/eventName").asText());
            assertThat(pair.get(0).get("eventID").asText()).isNotEqualTo(pair.get(1).get("eventID").asText());
        }
    }

    @Test
    void insightsRecordsHaveTheAwsShape() {
        for (JsonNode record : insights) {
            assertThat(GeneratedFiles.fieldNames(record)).containsExactly("eventVersion", "eventTime", "awsRegion",
                    "eventID", "eventType", "recipientAccountId", "sharedEventID", "insightDetails", "eventCategory");
            assertThat(record.get("eventType").asText()).isEqualTo("AwsCloudTrailInsight");
            assertThat(record.get("eventCategory").asText()).isEqualTo("Insight");
            assertThat(record.at("/insightDetails/insightType").asText())
                    .isIn("ApiCallRateInsight", "ApiErrorRateInsight");
            JsonNode statistics = record.at("/insightDetails/insightContext/statistics");
            assertThat(statistics.at("/insight/average").asDouble())
                    .isGreaterThan(statistics.at("/baseline/average").asDouble() * 5);
            assertThat(statistics.get("baselineDuration").asInt()).isEqualTo(10_080);
            assertThat(record.at("/insightDetails/insightContext/attributions"))
                    .extracting(attribution -> attribution.get("attribute").asText())
                    .containsExactly("userIdentityArn", "userAgent", "errorCode");
        }
    }

    @Test
    void spikesAreInTheEventsAtTheirStatedTimesAndRegions() {
        for (InjectedSpike spike : trail.spikes()) {
            List<JsonNode> burst = events.stream()
                    .filter(e -> e.get("recipientAccountId").asText().equals(spike.account()))
                    .filter(e -> e.get("awsRegion").asText().equals(spike.region()))
                    .filter(e -> e.get("eventSource").asText().equals(spike.eventSource()))
                    .filter(e -> e.get("eventName").asText().equals(spike.eventName()))
                    .filter(e -> e.at("/userIdentity/arn").asText().equals(spike.principalArn()))
                    .filter(e -> !Instant.parse(e.get("eventTime").asText()).isBefore(spike.start()))
                    .filter(e -> Instant.parse(e.get("eventTime").asText()).isBefore(spike.end()))
                    .toList();
            // Re-delivered records appear twice: count each eventID once.
            long distinct = burst.stream().map(e -> e.get("eventID").asText()).distinct().count();
            assertThat(distinct).as(spike.toString()).isGreaterThanOrEqualTo(spike.eventCount());
            assertThat(spike.perMinute()).isGreaterThanOrEqualTo(spike.baselinePerMinute() * 10);
            if (spike.kind() == InjectedSpike.Kind.API_ERROR_RATE) {
                assertThat(burst).allMatch(e -> e.get("errorCode").asText().equals(spike.errorCode()));
            }
        }
        assertThat(trail.spikes()).extracting(InjectedSpike::kind)
                .containsOnly(InjectedSpike.Kind.API_CALL_RATE, InjectedSpike.Kind.API_ERROR_RATE);
    }

    @Test
    void digestsDoNotListInsightsFiles() {
        for (String key : GeneratedFiles.keys(trail.root(), "CloudTrail-Digest")) {
            assertThat(GeneratedFiles.readGz(trail.root().resolve(key)).toString()).doesNotContain("CloudTrail-Insight");
        }
    }
}

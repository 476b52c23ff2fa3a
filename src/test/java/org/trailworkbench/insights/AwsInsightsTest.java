package org.trailworkbench.insights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.export.TestTrail;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Insights records as CloudTrail delivers them, imported into a real case and paired by sharedEventID. */
class AwsInsightsTest {

    @TempDir
    Path dir;

    static ObjectNode insight(String id, String shared, String time, String state, String type, long minutes) {
        ObjectNode r = TestTrail.JSON.createObjectNode();
        r.put("eventVersion", "1.08");
        r.put("eventTime", time);
        r.put("awsRegion", "us-east-1");
        r.put("eventID", id);
        r.put("eventType", AwsInsights.EVENT_TYPE);
        r.put("recipientAccountId", TestTrail.ACCOUNT);
        if (shared != null) {
            r.put("sharedEventID", shared);
        }
        ObjectNode details = r.putObject("insightDetails");
        details.put("state", state);
        details.put("eventSource", "iam.amazonaws.com");
        details.put("eventName", "CreateAccessKey");
        details.put("insightType", type);
        ObjectNode context = details.putObject("insightContext");
        ObjectNode statistics = context.putObject("statistics");
        statistics.putObject("baseline").put("average", 0.0125);
        statistics.putObject("insight").put("average", 4.5);
        statistics.put("insightDuration", minutes);
        statistics.put("baselineDuration", 10080);
        ObjectNode who = context.putArray("attributions").addObject();
        who.put("attribute", "userIdentityArn");
        who.putArray("insight").addObject().put("value", "arn:aws:iam::111122223333:user/mallory").put("average", 4.5);
        who.putArray("baseline").addObject().put("value", "arn:aws:iam::111122223333:user/ci").put("average", 0.0125);
        r.put("eventCategory", "Insight");
        return r;
    }

    private List<Anomaly> read(List<ObjectNode> records, List<String> problems) throws IOException {
        TestTrail.writeLog(dir.resolve("logs"), "us-east-1", "20250306T1200Z", records);
        try (Case c = Case.open(dir.resolve("case"))) {
            c.importPath(dir.resolve("logs"), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            AwsInsights.Result result = new AwsInsights(new LocalInsightsSource(c.index())).read();
            problems.addAll(result.problems());
            return result.anomalies();
        }
    }

    @Test
    void startAndEndBecomeOneAnomalyWithTheEndsFigures() throws IOException {
        List<Anomaly> anomalies = read(List.of(
                insight("i1", "s1", "2025-03-06T10:00:00Z", "Start", "ApiCallRateInsight", 1),
                insight("i2", "s1", "2025-03-06T10:25:00Z", "End", "ApiCallRateInsight", 25)), new java.util.ArrayList<>());

        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.origin()).isEqualTo(Origin.AWS_INSIGHTS);
            assertThat(a.id()).isEqualTo("s1");
            assertThat(a.state()).isEqualTo(AnomalyState.COMPLETE);
            assertThat(a.type()).isEqualTo(InsightType.CALL_RATE);
            assertThat(a.start()).isEqualTo(Instant.parse("2025-03-06T10:00:00Z"));
            assertThat(a.end()).isEqualTo(Instant.parse("2025-03-06T10:25:00Z"));
            assertThat(a.insightMinutes()).isEqualTo(25);
            assertThat(a.baselineMinutes()).isEqualTo(10_080);
            assertThat(a.severity()).isEqualTo(360.0);
            assertThat(a.account()).isEqualTo(TestTrail.ACCOUNT);
            assertThat(a.attributions()).singleElement().satisfies(at -> {
                assertThat(at.attribute()).isEqualTo(Attribution.IDENTITY);
                assertThat(at.insight()).containsExactly(new Contributor("arn:aws:iam::111122223333:user/mallory", 4.5));
            });
        });
    }

    @Test
    void aLoneStartIsOngoingAndALoneEndIsIncompleteWithAnEstimatedStart() throws IOException {
        List<Anomaly> anomalies = read(List.of(
                insight("i1", "open", "2025-03-06T11:00:00Z", "Start", "ApiErrorRateInsight", 1),
                insight("i2", "closed", "2025-03-06T09:30:00Z", "End", "ApiCallRateInsight", 30)),
                new java.util.ArrayList<>());

        assertThat(anomalies).hasSize(2);
        Anomaly incomplete = anomalies.get(0);
        assertThat(incomplete.state()).isEqualTo(AnomalyState.INCOMPLETE);
        assertThat(incomplete.start()).isEqualTo(Instant.parse("2025-03-06T09:00:00Z"));
        Anomaly ongoing = anomalies.get(1);
        assertThat(ongoing.state()).isEqualTo(AnomalyState.ONGOING);
        assertThat(ongoing.type()).isEqualTo(InsightType.ERROR_RATE);
        assertThat(ongoing.end()).isNull();
        assertThat(ongoing.overlaps(Instant.parse("2030-01-01T00:00:00Z"), null)).isTrue();
        SearchRequest events = ongoing.eventsRequest();
        assertThat(events.query()).isEqualTo("_exists_:errorCode");
        assertThat(events.range().from()).isEqualTo(Instant.parse("2025-03-06T11:00:00Z").toEpochMilli());
        assertThat(events.range().to()).isNull();
        assertThat(events.filters()).containsEntry("eventName", new FacetFilter(Set.of("CreateAccessKey"), Set.of()))
                .containsEntry("awsRegion", new FacetFilter(Set.of("us-east-1"), Set.of()))
                .containsEntry("recipientAccountId", new FacetFilter(Set.of(TestTrail.ACCOUNT), Set.of()))
                .doesNotContainKey("readOnly");
    }

    @Test
    void unreadableRecordsAreReportedByIdAndTheOthersStillPair() throws IOException {
        ObjectNode unknownType = insight("i4", "s2", "2025-03-06T10:00:00Z", "Start", "ApiSomethingNewInsight", 1);
        List<String> problems = new java.util.ArrayList<>();
        List<Anomaly> anomalies = read(List.of(
                insight("i1", null, "2025-03-06T10:00:00Z", "Start", "ApiCallRateInsight", 1),
                insight("i2", "s1", "2025-03-06T10:00:00Z", "Start", "ApiCallRateInsight", 1),
                insight("i3", "s1", "2025-03-06T10:20:00Z", "End", "ApiCallRateInsight", 20),
                unknownType), problems);

        assertThat(anomalies).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("s1"));
        assertThat(problems).containsExactlyInAnyOrder("Insights record i1: no sharedEventID",
                "Insights record i4: unknown insightType ApiSomethingNewInsight");
    }

    @Test
    void aCaseWithoutInsightsRecordsHasNoAwsAnomalies() throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        assertThat(read(List.of(TestTrail.event("e1", "2025-03-06T10:00:00Z", "s3.amazonaws.com", "ListBuckets",
                "us-east-1", "alice")), problems)).isEmpty();
        assertThat(problems).isEmpty();
    }
}

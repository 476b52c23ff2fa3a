package org.trailworkbench.insights;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.InjectedSpike;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation on a generated trail with injected spikes and their AWS Insights records: nine days in two
 * regions, so the last days have a full week before them and the first ones borrow later days. The bundled
 * sample-logs (three days) are validated end to end in {@code cli.InsightsCommandTest}.
 */
class GeneratedTrailDetectionTest {

    @TempDir
    static Path dir;

    static Detected week;

    record Detected(GeneratedTrail trail, InsightsResult result, SearchCheck search) {
        List<Anomaly> local() {
            return result.local().anomalies();
        }

        List<Anomaly> aws() {
            return result.aws().anomalies();
        }
    }

    /** Runs an anomaly's event search while the case is open. */
    interface SearchCheck {
        SearchResponse run(Anomaly a) throws Exception;
    }

    @BeforeAll
    static void generateAndDetect() throws Exception {
        week = detect("week", TrailSpec.builder().seed(424242).accounts(List.of("210987654321"))
                .regions(List.of("us-east-1", "eu-west-1")).start(java.time.Instant.parse("2025-04-01T00:00:00Z"))
                .days(9).eventsPerDay(1_500).withDigests(false).build());
    }

    private static Detected detect(String name, TrailSpec spec) throws IOException {
        GeneratedTrail trail = new TrailGenerator(spec).generate(dir.resolve(name + "-logs"));
        Path caseDir = dir.resolve(name + "-case");
        try (Case c = Case.open(caseDir)) {
            c.importPath(trail.root(), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            InsightsResult result = new InsightsService(c.index()).list(InsightsRequest.all(), Cancellation.none());
            // the searches run on a reopened case, as the UI would run them later
            return new Detected(trail, result, a -> {
                try (Case again = Case.open(caseDir)) {
                    return again.search().search(a.eventsRequest().withPage(1000, null));
                }
            });
        }
    }

    @Test
    void everyInjectedSpikeIsFoundAndEveryAwsAnomalyOverlapsALocalOne() {
        for (Detected d : List.of(week)) {
            SpikeCheck check = SpikeCheck.of(d.trail().spikes(), d.aws(), d.local());
            assertThat(d.trail().spikes()).isNotEmpty();
            assertThat(check.missed()).isEmpty();
            assertThat(d.aws()).hasSize(d.trail().spikes().size());
            assertThat(check.awsUnmatched()).isEmpty();
            // low false positives: at most one a day of data (the figures are in docs/INSIGHTS.md)
            assertThat(check.falsePositives().size()).isLessThanOrEqualTo((int) d.result().local().historyDays());
        }
    }

    @Test
    void localAnomaliesNameWhoAndWhatAsAwsDoes() {
        for (Detected d : List.of(week)) {
            for (InjectedSpike spike : d.trail().spikes()) {
                Anomaly local = d.local().stream().filter(a -> SpikeCheck.matches(spike, a)).findFirst().orElseThrow();
                assertThat(local.origin()).isEqualTo(Origin.DETECTED_LOCALLY);
                assertThat(top(local, Attribution.IDENTITY)).isEqualTo(Attributions.identity(spike.principalArn()));
                if (spike.errorCode() != null) {
                    assertThat(top(local, Attribution.ERROR_CODE)).isEqualTo(spike.errorCode());
                }
                assertThat(local.insightAverage()).isGreaterThan(spike.perMinute() * 0.8);
                assertThat(local.severity()).isGreaterThan(10);
                assertThat(local.attributions()).extracting(Attribution::attribute)
                        .containsExactly(Attribution.IDENTITY, Attribution.USER_AGENT, Attribution.ERROR_CODE);
                local.attributions().forEach(a -> assertThat(a.insight()).hasSizeLessThanOrEqualTo(5));
            }
        }
    }

    @Test
    void awsAnomaliesCarryTheRecordsFigures() {
        for (Detected d : List.of(week)) {
            for (InjectedSpike spike : d.trail().spikes()) {
                Anomaly aws = d.aws().stream().filter(a -> SpikeCheck.matches(spike, a)).findFirst().orElseThrow();
                assertThat(aws.state()).isEqualTo(AnomalyState.COMPLETE);
                assertThat(aws.start()).isEqualTo(spike.start());
                assertThat(aws.end()).isEqualTo(spike.end());
                assertThat(aws.insightAverage()).isCloseTo(spike.perMinute(), org.assertj.core.data.Offset.offset(1e-6));
                assertThat(aws.baselineMinutes()).isEqualTo(10_080);
                assertThat(top(aws, Attribution.IDENTITY)).isEqualTo(Attributions.identity(spike.principalArn()));
            }
        }
    }

    @Test
    void eachAnomalysSearchShowsTheEventsItCounted() throws Exception {
        for (Detected d : List.of(week)) {
            for (Anomaly a : d.result().anomalies()) {
                SearchResponse events = d.search().run(a);
                if (a.origin() == Origin.DETECTED_LOCALLY) {
                    assertThat(events.total()).isEqualTo(Math.round(a.insightAverage() * a.insightMinutes()));
                } else {
                    assertThat(events.total()).isGreaterThanOrEqualTo(Math.round(a.insightAverage() * a.insightMinutes()));
                }
                assertThat(events.hits()).allSatisfy(hit -> {
                    assertThat(hit.json()).contains("\"eventName\":\"" + a.eventName() + "\"")
                            .contains("\"awsRegion\":\"" + a.region() + "\"");
                    if (a.type() == InsightType.ERROR_RATE) {
                        assertThat(hit.json()).contains("\"errorCode\"");
                    }
                });
            }
        }
    }

    @Test
    void historyIsReportedAndFiltersNarrowTheList() throws Exception {
        assertThat(week.result().local().historyDays()).isBetween(8.9, 9.0);
        Anomaly first = week.result().anomalies().get(0);
        try (Case c = Case.open(dir.resolve("week-case"))) {
            InsightsService service = new InsightsService(c.index());
            InsightsResult onlyAws = service.list(InsightsRequest.all().withOrigins(Set.of(Origin.AWS_INSIGHTS))
                    .withApi(first.eventSource(), first.eventName()), Cancellation.none());
            assertThat(onlyAws.local()).isNull();
            assertThat(onlyAws.anomalies()).isNotEmpty().allSatisfy(a -> {
                assertThat(a.origin()).isEqualTo(Origin.AWS_INSIGHTS);
                assertThat(a.eventName()).isEqualTo(first.eventName());
            });
            var range = new org.trailworkbench.search.TimeRange(first.end().toEpochMilli(), null);
            InsightsResult later = service.list(InsightsRequest.all().withRange(range), Cancellation.none());
            assertThat(later.anomalies()).doesNotContain(first)
                    .allSatisfy(a -> assertThat(a.end() == null || a.end().isAfter(first.end())).isTrue());
        }
    }

    private static String top(Anomaly a, String attribute) {
        return a.attributions().stream().filter(x -> x.attribute().equals(attribute)).findFirst().orElseThrow()
                .insight().get(0).value();
    }
}

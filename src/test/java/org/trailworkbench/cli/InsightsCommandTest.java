package org.trailworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.export.TestTrail.JSON;

/**
 * {@code insights} end to end on the bundled sample-logs: they hold two injected spikes with their AWS
 * Insights records (an error-rate burst of GetSecretValue on 2025-03-06, a call-rate burst of RunInstances
 * in ap-southeast-2 on 2025-03-08), so both origins must show both, and nothing else.
 */
class InsightsCommandTest {

    @TempDir
    static Path dir;
    static String caseDir;

    @BeforeAll
    static void importSampleLogs() {
        caseDir = dir.resolve("case").toString();
        CliRun run = CliRun.of("import", Path.of("sample-logs").toString(), "--case", caseDir);
        assertThat(run.code()).as(run.err()).isZero();
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        return run;
    }

    @Test
    void theTableShowsBothOriginsForBothSpikes() {
        CliRun run = ok("insights", "--case", caseDir);

        assertThat(run.outLines().get(0)).isEqualTo("4 anomalies (rates are events per minute, times UTC)");
        List<String> rows = run.outLines().subList(2, 6);
        assertThat(rows.get(0)).startsWith("AWS Insights").contains("error rate", "2025-03-06T15:49:00Z",
                "secretsmanager.amazonaws.com GetSecretValue", "assumed-role/orders-processor-role");
        assertThat(rows.get(1)).startsWith("detected locally").contains("error rate", "GetSecretValue");
        assertThat(rows.get(2)).startsWith("AWS Insights").contains("call rate", "ap-southeast-2", "RunInstances");
        assertThat(rows.get(3)).startsWith("detected locally").contains("call rate", "RunInstances",
                "user/kwame.mensah");
        assertThat(run.out()).contains("Local detection: 3.0 days of history");
    }

    @Test
    void jsonHasAttributionsAndTheSearchForTheEvents() throws IOException {
        JsonNode doc = JSON.readTree(ok("insights", "--case", caseDir, "--local", "--json").out());

        List<JsonNode> anomalies = new ArrayList<>();
        doc.get("anomalies").forEach(anomalies::add);
        assertThat(anomalies).hasSize(2).allSatisfy(a -> assertThat(a.get("origin").asText()).isEqualTo("detected locally"));
        JsonNode calls = anomalies.get(1);
        assertThat(calls.get("type").asText()).isEqualTo("ApiCallRateInsight");
        assertThat(calls.get("severity").asDouble()).isGreaterThan(100);
        assertThat(calls.get("attributions")).hasSize(3);
        JsonNode events = calls.get("events");
        assertThat(events.get("filters").toString()).contains("eventName=RunInstances", "awsRegion=ap-southeast-2",
                "readOnly=false");
        assertThat(doc.get("local").get("historyDays").asDouble()).isBetween(2.9, 3.0);
        assertThat(doc.has("aws")).isFalse();

        // the events search, given to the search command, lists the burst's calls
        List<String> args = new ArrayList<>(List.of("search", "--case", caseDir, "--json", "--limit", "1000",
                "--from", events.get("from").asText(), "--to", events.get("to").asText()));
        events.get("filters").forEach(f -> args.addAll(List.of("--filter", f.asText())));
        List<String> lines = ok(args.toArray(String[]::new)).outLines();
        double expected = calls.get("insightAverage").asDouble() * calls.get("insightMinutes").asLong();
        assertThat(lines).hasSize((int) Math.round(expected));
    }

    @Test
    void awsOnlyFiltersAndTypes() throws IOException {
        JsonNode doc = JSON.readTree(ok("insights", "--case", caseDir, "--aws", "--type", "error-rate", "--json").out());
        assertThat(doc.get("anomalies")).singleElement().satisfies(a -> {
            assertThat(a.get("origin").asText()).isEqualTo("AWS Insights");
            assertThat(a.get("state").asText()).isEqualTo("COMPLETE");
            assertThat(a.get("events").get("query").asText()).isEqualTo("_exists_:errorCode");
        });
        assertThat(doc.get("aws").get("records").asInt()).isEqualTo(4);

        assertThat(ok("insights", "--case", caseDir, "--region", "eu-west-1").out()).startsWith("No anomalies found.");
        assertThat(ok("insights", "--case", caseDir, "--from", "2025-03-07", "--to", "2025-03-07").out())
                .startsWith("No anomalies found.");
        assertThat(ok("insights", "--case", caseDir, "--from", "2025-03-08").outLines().get(0)).startsWith("2 anomalies");
    }

    @Test
    void badOptionsAndMissingCasesAreOneLineErrors() {
        CliRun badType = CliRun.of("insights", "--case", caseDir, "--type", "latency");
        assertThat(badType.code()).isEqualTo(TrailCli.USAGE);
        assertThat(badType.errLines().get(0)).isEqualTo("error: unknown --type 'latency': use call-rate or error-rate");

        CliRun badTime = CliRun.of("insights", "--case", caseDir, "--from", "yesterday");
        assertThat(badTime.code()).isEqualTo(TrailCli.USAGE);
        assertThat(badTime.errLines().get(0)).contains("'yesterday' is not a time");

        CliRun missing = CliRun.of("insights", "--case", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(missing.errLines().get(0)).startsWith("error: no case at");
    }
}

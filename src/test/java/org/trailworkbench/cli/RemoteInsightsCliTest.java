package org.trailworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.remote.SampleIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.export.TestTrail.JSON;

/**
 * {@code insights} on a remote case gives what it gives on a local case of the same trail: the bundled
 * sample-logs (two injected bursts with their AWS Insights records, see InsightsCommandTest) in a folder and
 * in an index of the real test node. Local detection there runs on the cluster's aggregations, so this
 * compares two ways of counting the same series and attributions, down to the last digit of every average.
 */
class RemoteInsightsCliTest {

    @TempDir
    static Path dir;
    static String local;
    static String remote;

    @BeforeAll
    static void importBoth() throws IOException {
        local = dir.resolve("case").toString();
        CliRun run = CliRun.of("import", SampleIndex.sampleLogs().toString(), "--case", local, "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        remote = SampleIndex.url();
    }

    private static JsonNode json(String theCase, String... options) throws IOException {
        CliRun run = RemoteCliTest.ok(RemoteCliTest.withCase(theCase, concat("insights", options)));
        ObjectNode doc = (ObjectNode) JSON.readTree(run.out());
        doc.remove("tookMillis");
        return doc;
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void bothOriginsGiveTheSameAnomaliesAttributionsAndHistory() throws IOException {
        JsonNode onDisk = json(local, "--json");
        JsonNode inCluster = json(remote, "--json");

        assertThat(inCluster).isEqualTo(onDisk);
        // not two empty answers: both bursts, from both origins, with what local detection counted
        assertThat(onDisk.get("anomalies")).hasSize(4);
        assertThat(onDisk.at("/local/eventsCounted").asLong()).isPositive();
        assertThat(onDisk.at("/local/series").asInt()).isGreaterThan(10);
        assertThat(onDisk.at("/aws/records").asInt()).isEqualTo(4);
        onDisk.get("anomalies").forEach(a -> assertThat(a.get("attributions")).isNotEmpty());
    }

    @Test
    void filtersSelectTheSameAnomalies() throws IOException {
        for (List<String> options : List.of(List.of("--local", "--type", "call-rate"),
                List.of("--aws", "--region", "us-east-1"), List.of("--from", "2025-03-08", "--json"))) {
            String[] args = options.contains("--json") ? options.toArray(String[]::new)
                    : concat("--json", options.toArray(String[]::new));
            JsonNode onDisk = json(local, args);
            assertThat(json(remote, args)).as("%s", options).isEqualTo(onDisk);
            assertThat(onDisk.get("anomalies")).as("%s", options).isNotEmpty();
        }
    }

    @Test
    void theTableIsTheSame() {
        CliRun onDisk = RemoteCliTest.ok("insights", "--case", local);
        CliRun inCluster = RemoteCliTest.ok("insights", "--case", remote);
        assertThat(inCluster.out()).isEqualTo(onDisk.out()).startsWith("4 anomalies");
    }
}

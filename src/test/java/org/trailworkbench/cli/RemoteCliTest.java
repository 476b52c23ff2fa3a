package org.trailworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.remote.TestNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.export.TestTrail.JSON;

/**
 * The command line on a remote case: a slice of the sample trail imported through {@code import} into a
 * folder and into an index of a real OpenSearch node ({@link TestNode}), then every reading command on both
 * must print the same. Where a remote answer may differ by design (docs/REMOTE.md: events of the same
 * millisecond in another order, the case's name, bytes on disk), the comparison says so.
 */
class RemoteCliTest {

    private static final Path SAMPLE = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
    /** Enough files for several regions, days and principals; the whole trail would cost minutes of round trips. */
    private static final int FILES = 120;

    @TempDir
    static Path dir;
    static Path logs;
    static String local;
    static String remote;
    static JsonNode localImport;
    static JsonNode remoteImport;

    @BeforeAll
    static void importBoth() throws IOException {
        logs = dir.resolve("logs");
        List<Path> files;
        try (Stream<Path> all = Files.walk(SAMPLE)) {
            files = all.filter(p -> p.toString().contains("/CloudTrail/") && p.toString().endsWith(".json.gz"))
                    .sorted().limit(FILES).toList();
        }
        for (Path f : files) {
            Path copy = logs.resolve(SAMPLE.relativize(f).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(f, copy);
        }
        local = dir.resolve("case").toString();
        remote = TestNode.get().url().replace("http://", "opensearch://") + "/cli-case";
        localImport = JSON.readTree(ok("import", logs.toString(), "--case", local, "--json").out());
        remoteImport = JSON.readTree(ok("import", logs.toString(), "--case", remote, "--json").out());
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).as("stderr of %s", List.of(args)).isEmpty();
        assertThat(run.code()).as("exit code of %s", List.of(args)).isZero();
        return run;
    }

    /** The same command on the local and on the remote case. */
    static CliRun[] both(String... args) {
        return new CliRun[]{ok(withCase(local, args)), ok(withCase(remote, args))};
    }

    static String[] withCase(String theCase, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--case");
        all.add(2, theCase);
        return all.toArray(String[]::new);
    }

    @Test
    void importReadsTheSameEventsIntoTheCluster() {
        assertThat(remoteImport.at("/files/imported").asLong()).isEqualTo(FILES);
        assertThat(remoteImport.get("eventsRead").asLong()).isEqualTo(localImport.get("eventsRead").asLong()).isPositive();
        assertThat(remoteImport.get("eventsInCase").asLong()).isEqualTo(localImport.get("eventsInCase").asLong());
        assertThat(remoteImport.get("problems")).isEmpty();
        assertThat(remoteImport.get("case").asText()).endsWith("/cli-case");
    }

    @Test
    void aSecondImportSkipsEveryFileByTheManifestInTheCluster() throws IOException {
        JsonNode again = JSON.readTree(ok("import", logs.toString(), "--case", remote, "--json").out());
        assertThat(again.at("/files/imported").asLong()).isZero();
        assertThat(again.at("/files/unchanged").asLong()).isEqualTo(FILES);
        assertThat(again.get("eventsInCase").asLong()).isEqualTo(localImport.get("eventsInCase").asLong());
    }

    @Test
    void aPersonAtATerminalSeesTheImportProgress() throws IOException {
        Path few = dir.resolve("few");
        List<Path> files;
        try (Stream<Path> all = Files.walk(logs)) {
            files = all.filter(Files::isRegularFile).sorted().limit(3).toList();
        }
        Files.createDirectories(few);
        for (Path f : files) {
            Files.copy(f, few.resolve(f.getFileName()));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = TrailCli.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), true, Interrupts.none(),
                "import", few.toString(), "--case", remote.replace("cli-case", "cli-progress"));
        assertThat(code).isZero();
        assertThat(err.toString()).contains("1/3 files").doesNotContain("\n").doesNotContain("error");
        assertThat(out.toString()).contains("  files:   3 imported, 0 unchanged");
    }

    /** The small trail of the CLI tests: two good files, a damaged one, one that is not CloudTrail, a README. */
    @Test
    void damagedAndForeignFilesAreProblemsAndTheirGoodEventsAreKept() throws IOException {
        Path odd = dir.resolve("odd");
        CliTrail trail = CliTrail.write(odd);
        String oddRemote = remote.replace("cli-case", "cli-odd");
        String oddLocal = dir.resolve("odd-case").toString();
        JsonNode l = JSON.readTree(ok("import", odd.toString(), "--case", oddLocal, "--json").out());
        JsonNode r = JSON.readTree(ok("import", odd.toString(), "--case", oddRemote, "--json").out());
        assertThat(r.get("eventsRead").asLong()).isEqualTo(l.get("eventsRead").asLong()).isEqualTo(9);
        assertThat(r.get("eventsInCase").asLong()).isEqualTo(l.get("eventsInCase").asLong());
        List<String> problems = new ArrayList<>();
        r.get("problems").forEach(p -> problems.add(p.asText()));
        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(trail.damaged.toAbsolutePath() + ": damaged: "));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(trail.notCloudTrail.toAbsolutePath()
                + ": not CloudTrail: no CloudTrail events in it"));
        List<JsonNode> localEvents = TrailCliTest.jsonLines(ok("search", "--case", oddLocal, "--json").out());
        List<JsonNode> remoteEvents = TrailCliTest.jsonLines(ok("search", "--case", oddRemote, "--json").out());
        assertThat(remoteEvents).containsExactlyInAnyOrderElementsOf(localEvents);
    }

    @Test
    void facetsAreTheSame() {
        for (String[] args : List.of(new String[]{"facets"}, new String[]{"facets", "--json", "--size", "5"},
                new String[]{"facets", "-q", "eventName:Describe* OR errorCode:*", "--filter", "awsRegion=eu-west-1"},
                new String[]{"facets", "--exclude", "eventSource=s3.amazonaws.com", "--from", "2025-03-08", "--json"})) {
            CliRun[] runs = both(args);
            assertThat(runs[1].out()).as("%s", List.of(args)).isEqualTo(runs[0].out());
        }
    }

    @Test
    void timelinesAreTheSame() {
        for (String[] args : List.of(new String[]{"timeline"}, new String[]{"timeline", "--json", "--split", "eventSource"},
                new String[]{"timeline", "-q", "NOT readOnly:true", "--json"})) {
            CliRun[] runs = both(args);
            assertThat(runs[1].out()).as("%s", List.of(args)).isEqualTo(runs[0].out());
        }
    }

    @Test
    void searchListsTheSameEvents() throws IOException {
        for (String query : List.of("", "userIdentity.type:IAMUser", "eventName:Create* AND NOT errorCode:*", "s3")) {
            CliRun[] runs = both("search", "-q", query, "--json", "-n", "100000");
            List<JsonNode> localEvents = TrailCliTest.jsonLines(runs[0].out());
            List<JsonNode> remoteEvents = TrailCliTest.jsonLines(runs[1].out());
            assertThat(remoteEvents).as(query).hasSize(localEvents.size());
            // newest first on both; events of one millisecond may come in another order (docs/REMOTE.md)
            assertThat(times(remoteEvents)).as(query).isEqualTo(times(localEvents));
            assertThat(remoteEvents).as(query).containsExactlyInAnyOrderElementsOf(localEvents);
        }
        CliRun[] counts = both("search", "-q", "eventSource:iam.amazonaws.com", "-n", "0");
        assertThat(withoutMillis(counts[1].out())).isEqualTo(withoutMillis(counts[0].out())).contains(" match");
        CliRun[] tables = both("search", "-q", "eventSource:iam.amazonaws.com", "-n", "5", "--sort", "oldest");
        assertThat(tables[1].outLines()).hasSameSizeAs(tables[0].outLines());
        assertThat(withoutMillis(tables[1].outLines().get(tables[1].outLines().size() - 1)))
                .isEqualTo(withoutMillis(tables[0].outLines().get(tables[0].outLines().size() - 1)));
    }

    @Test
    void exportWritesTheSameRows() {
        CliRun[] runs = both("export", "-q", "NOT eventSource:s3.amazonaws.com", "--out", "-",
                "--columns", "eventTime,eventName,userIdentity.arn,eventID,requestParameters");
        List<String> localRows = runs[0].out().lines().toList();
        List<String> remoteRows = runs[1].out().lines().toList();
        assertThat(localRows.size()).isGreaterThan(10);
        assertThat(remoteRows.get(0)).isEqualTo(localRows.get(0));
        assertThat(remoteRows).containsExactlyInAnyOrderElementsOf(localRows);
        assertThat(runs[1].out().length()).isEqualTo(runs[0].out().length());
        // the time column in the same order: only same-time rows may swap
        assertThat(remoteRows.stream().map(r -> r.substring(0, r.indexOf(','))).toList())
                .isEqualTo(localRows.stream().map(r -> r.substring(0, r.indexOf(','))).toList());
    }

    @Test
    void statsDescribeTheSameEventsAndFiles() throws IOException {
        CliRun[] runs = both("stats", "--json");
        JsonNode l = JSON.readTree(runs[0].out());
        JsonNode r = JSON.readTree(runs[1].out());
        for (String field : List.of("events", "oldest", "newest", "files", "fileCount", "sourceBytes")) {
            assertThat(r.get(field)).as(field).isEqualTo(l.get(field));
        }
        assertThat(r.get("case").asText()).isEqualTo(remote.replace("opensearch://", "http://"));
        assertThat(r.get("indexBytes").asLong()).isPositive();
        CliRun text = ok("stats", "--case", remote);
        assertThat(text.outLines()).hasSize(5);
        assertThat(text.outLines().get(4)).endsWith(" in the cluster");
    }

    @Test
    void anUnreachableClusterIsOneLineAndExitOne() {
        for (String command : List.of("search", "facets", "timeline", "stats")) {
            assertCannotConnect(CliRun.of(command, "--case", "opensearch://127.0.0.1:1/trail"));
        }
        assertCannotConnect(CliRun.of("import", logs.toString(), "--case", "opensearch://127.0.0.1:1/trail", "--quiet"));
    }

    private static void assertCannotConnect(CliRun run) {
        CliErrorsTest.assertFailure(run, "http://127.0.0.1:1/trail: cannot connect (Connection refused)");
    }

    /**
     * The test node runs without the security plugin, so a server answers in its place as that plugin does
     * to a wrong password: 401 with a Basic challenge and the body "Unauthorized".
     */
    @Test
    void aWrongPasswordIsOneLineAndExitOne() throws IOException {
        HttpServer guard = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        guard.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = "Unauthorized".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        guard.start();
        try {
            String url = "opensearch://127.0.0.1:" + guard.getAddress().getPort() + "/trail";
            for (String[] args : List.of(new String[]{"search", "--case", url, "--user", "admin", "--password", "wrong"},
                    new String[]{"export", "--case", url, "--user", "admin", "--password", "wrong", "--out", "-"},
                    new String[]{"import", logs.toString(), "--case", url, "--user", "admin", "--password", "wrong"})) {
                CliRun run = CliRun.of(args);
                assertThat(run.code()).as("%s", List.of(args)).isEqualTo(TrailCli.FAILURE);
                assertThat(run.out()).isEmpty();
                assertThat(run.errLines()).singleElement().asString()
                        .startsWith("error: http://127.0.0.1:" + guard.getAddress().getPort()
                                + "/trail: 401 Unauthorized: check the user name and password")
                        .doesNotContain("wrong");
            }
        } finally {
            guard.stop(0);
        }
    }

    /** A server that accepts the connection and never answers (a hung node, a proxy that holds requests). */
    @Test
    void aClusterThatNeverAnswersIsOneLineAfterTheTimeout() throws IOException {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // read nothing, write nothing, close nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/trail";
            long started = System.nanoTime();
            CliRun run = CliRun.of("search", "--case", url, "--timeout", "2");
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(run.code()).isEqualTo(TrailCli.FAILURE);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("error: " + url + ": no answer in time (")
                    .endsWith("--timeout SECONDS waits longer");
            assertThat(seconds).isBetween(1L, 30L);
            assertThat(held).isNotEmpty();
            for (java.net.Socket s : held) {
                s.close();
            }
        }
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", remote, "--timeout", "0"), "--timeout: at least 1 second, not 0");
    }

    @Test
    void anIndexThatDoesNotExistIsOneLine() throws IOException {
        String missing = TestNode.get().url() + "/no-such-case";
        CliErrorsTest.assertFailure(CliRun.of("search", "--case", missing),
                missing + ": no such index (create it with: trail-workbench import --case " + missing + " LOGS)");
    }

    @Test
    void checkReportsHealthEventsAgainstTheManifestAndTheTemplate() throws IOException {
        JsonNode report = JSON.readTree(ok("check", "--case", remote, "--json").out());
        assertThat(report.get("verdict").asText()).isEqualTo("healthy");
        assertThat(report.get("health").asText()).isIn("green", "yellow");
        assertThat(report.get("indexEvents").asLong()).isEqualTo(localImport.get("eventsInCase").asLong());
        assertThat(report.get("manifestFiles").asLong()).isEqualTo(FILES);
        assertThat(report.get("manifestEvents").asLong()).isEqualTo(remoteImport.get("eventsRead").asLong());
        assertThat(report.get("templateSchema").asText()).isEqualTo(report.get("schema").asText()).isEqualTo("1");
        assertThat(ok("check", "--case", remote).outLines()).contains("verdict:  healthy", "to do:    nothing to do",
                "template: schema 1 (this version writes schema 1)");

        // an index whose template is gone (not written by this tool, or deleted): damaged, and what to do
        String other = remote.replace("cli-case", "cli-check");
        Path oneFile;
        try (Stream<Path> all = Files.walk(logs)) {
            oneFile = all.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        ok("import", oneFile.toString(), "--case", other);
        var delete = java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestNode.get().url()
                + "/_index_template/trail-workbench-cli-check")).DELETE().build();
        try {
            assertThat(java.net.http.HttpClient.newHttpClient().send(delete,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        CliRun damaged = CliRun.of("check", "--case", other);
        assertThat(damaged.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(damaged.outLines()).contains("verdict:  damaged", "template: none (this version writes schema 1)",
                "to do:    import the source files again into a new index: trail-workbench import LOGS --case "
                        + TestNode.get().url() + "/NEW-INDEX");
        assertThat(damaged.out()).contains("problem: no index template trail-workbench-cli-check");
    }

    @Test
    void rebuildSaysWhatToDoInstead() {
        CliErrorsTest.assertFailure(CliRun.of("rebuild", "--case", remote), "rebuild works on a case folder; a remote "
                + "case's index is the cluster's to keep: import the source files again into a new index instead "
                + "(trail-workbench import LOGS --case " + remote.substring(0, remote.lastIndexOf('/') + 1) + "NEW-INDEX)");
    }

    @Test
    void badRemoteFormsAndCredentialsOnAFolderAreUsageErrors() {
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", "opensearch://host:9200/a/b"),
                "--case: opensearch://host:9200/a/b: the path is the index name, one segment");
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", "opensearch://host:9200"),
                "--case: a remote case names its index: opensearch://host:9200/INDEX");
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", local, "--user", "admin"),
                "--user, --password and --timeout apply to a remote case (--case opensearch://host:9200/INDEX) only");
    }

    @Test
    void theHelpShowsTheRemoteForm() {
        assertThat(CliRun.of("--help").out()).contains("opensearch://host:9200/INDEX", CaseOption.PASSWORD_ENV);
        for (String command : List.of("search", "facets", "timeline", "export", "stats", "import")) {
            assertThat(CliRun.of(command, "--help").out()).as(command)
                    .contains("--case=DIR|URL", "opensearch://host:9200/INDEX", "--user=USER", CaseOption.USER_ENV);
        }
    }

    private static List<String> times(List<JsonNode> events) {
        return events.stream().map(e -> e.get("eventTime").asText()).toList();
    }

    private static String withoutMillis(String text) {
        return text.replaceAll("\\(\\d+ ms\\)", "(N ms)");
    }
}

package org.trailworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.export.ExportOptions;
import org.trailworkbench.export.Rfc4180;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.export.TestTrail.JSON;

/** The command line end to end: a real import into a real case, then every command on it. */
class TrailCliTest {

    @TempDir
    static Path dir;
    static Path logs;
    static String caseDir;
    static CliTrail trail;
    static JsonNode imported;

    @BeforeAll
    static void importLogs() throws IOException {
        logs = dir.resolve("logs");
        trail = CliTrail.write(logs);
        caseDir = dir.resolve("case").toString();
        CliRun run = CliRun.of("import", logs.toString(), "--case", caseDir, "--json");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        imported = JSON.readTree(run.out());
    }

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).as("stderr of %s", List.of(args)).isEmpty();
        assertThat(run.code()).as("exit code of %s", List.of(args)).isZero();
        return run;
    }

    static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("eventID").asText()).toList();
    }

    @Test
    void importReportsFilesEventsAndProblemsAsJson() {
        assertThat(imported.at("/files/imported").asLong()).isEqualTo(2);
        assertThat(imported.at("/files/damaged").asLong()).isEqualTo(1);
        assertThat(imported.at("/files/notCloudTrail").asLong()).isEqualTo(1);
        assertThat(imported.at("/files/unchanged").asLong()).isZero();
        assertThat(imported.get("eventsRead").asLong()).isEqualTo(9);
        assertThat(imported.get("newEvents").asLong()).isEqualTo(9);
        assertThat(imported.get("cancelled").asBoolean()).isFalse();
        assertThat(imported.get("problems")).extracting(p -> p.get("path").asText())
                .containsExactlyInAnyOrder(trail.damaged.toAbsolutePath().toString(),
                        trail.notCloudTrail.toAbsolutePath().toString());
        assertThat(imported.get("problems")).allSatisfy(p -> assertThat(p.get("reason").asText()).isNotBlank());
        assertThat(imported.get("skipped")).extracting(s -> s.get("path").asText())
                .containsExactly(logs.resolve("README.txt").toAbsolutePath().toString());
    }

    @Test
    void importPrintsASummaryAndEachProblemFile() throws IOException {
        Path other = dir.resolve("case-text");
        CliRun first = ok("import", logs.toString(), "--case", other.toString());

        assertThat(first.outLines()).contains(
                "Imported into " + other.toAbsolutePath(),
                "  files:   2 imported, 0 unchanged, 1 damaged, 1 not CloudTrail, 0 digest",
                "  events:  9 read, 9 new, 9 in the case",
                "Problems (2):",
                "Not imported (1):");
        assertThat(first.out()).containsPattern("\n  " + java.util.regex.Pattern.quote(trail.damaged.toAbsolutePath().toString())
                + ": damaged: .+\\(1 records before it were kept\\)\n");
        assertThat(first.out()).contains("  " + trail.notCloudTrail.toAbsolutePath() + ": not CloudTrail: no CloudTrail events in it");

        CliRun again = ok("import", logs.toString(), "--case", other.toString());
        assertThat(again.outLines()).contains("  files:   0 imported, 4 unchanged, 0 damaged, 0 not CloudTrail, 0 digest",
                "  events:  0 read, 0 new, 9 in the case");

        CliRun onlyEu = ok("import", logs.toString(), "--case", dir.resolve("case-eu").toString(), "--region", "eu-west-1",
                "--from", "2024-05-15", "--to", "2024-05-15");
        assertThat(onlyEu.outLines()).contains("  events:  4 read, 4 new, 4 in the case",
                "  left out: 1 by the filter, 1 not log files");
    }

    @Test
    void searchPrintsATableNewestFirst() {
        CliRun run = ok("search", "--case", caseDir, "--limit", "3");

        List<String> lines = run.outLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("time +eventName +eventSource +region +principal +sourceIP +errorCode");
        assertThat(lines.get(1)).startsWith("2024-05-15T14:00:00Z  GetObject").contains("arn:aws:iam::111122223333:user/bob");
        assertThat(lines.get(2)).startsWith("2024-05-15T13:00:00Z  ConsoleLogin");
        assertThat(lines.get(3)).startsWith("2024-05-15T12:30:00Z").endsWith("Client.UnauthorizedOperation");
        assertThat(lines.get(4)).startsWith("Showing 3 of 9 events, newest first (");
        // every row lines up with the header
        int column = lines.get(0).indexOf("eventSource");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.charAt(column - 1)).isEqualTo(' '));
    }

    @Test
    void searchNarrowsByQueryTimeFiltersAndSort() throws IOException {
        List<JsonNode> s3 = jsonLines(ok("search", "--case", caseDir, "-q", "eventSource:s3.amazonaws.com",
                "--sort", "oldest", "--json").out());
        assertThat(ids(s3)).containsExactly("e01", "e02", "e04", "e09");

        List<JsonNode> day = jsonLines(ok("search", "--case", caseDir, "--from", "2024-05-14", "--to", "2024-05-14",
                "--exclude", "eventName=AssumeRole", "--json").out());
        assertThat(ids(day)).containsExactly("e04", "e03", "e02", "e01");

        List<JsonNode> window = jsonLines(ok("search", "--case", caseDir, "--from", "2024-05-14T06:05:00Z",
                "--to", "2024-05-14T07:00:00Z", "--json").out());
        assertThat(ids(window)).containsExactly("e03", "e02");

        List<JsonNode> either = jsonLines(ok("search", "--case", caseDir, "--filter", "userIdentity.userName=alice",
                "--filter", "userIdentity.userName=bob", "--filter", "awsRegion=eu-west-1", "--json").out());
        assertThat(ids(either)).containsExactly("e09", "e08", "e07", "e06");
    }

    @Test
    void searchJsonPrintsTheRecordsAsImported() throws IOException {
        CliRun run = ok("search", "--case", caseDir, "-q", "eventID:e03", "--json");

        assertThat(run.outLines()).hasSize(1);
        JsonNode e3 = JSON.readTree(run.out());
        assertThat(e3.at("/userIdentity/userName").asText()).isEqualTo(CliTrail.NON_ASCII_USER);
        assertThat(e3.at("/requestParameters/userName").asText()).isEqualTo("Zoë");
    }

    @Test
    void searchShowsTheInvokingServiceWhenThereIsNoArnAndCanJustCount() {
        assertThat(ok("search", "--case", caseDir, "-q", "eventID:e05").outLines().get(1))
                .contains("AssumeRole").contains("ec2.amazonaws.com");
        assertThat(ok("search", "--case", caseDir, "-q", "eventID:e03").out()).contains("user/josé");
        assertThat(ok("search", "--case", caseDir, "--limit", "0").outLines()).singleElement().asString()
                .matches("9 events match \\(\\d+ ms\\)\\.");
        assertThat(ok("search", "--case", caseDir, "-q", "NoSuchThing").outLines()).containsExactly("No events match.");
    }

    @Test
    void exportWritesWhatSearchFinds() throws IOException {
        String query = "eventSource:s3.amazonaws.com OR eventName:CreateUser";
        List<JsonNode> events = jsonLines(ok("search", "--case", caseDir, "-q", query, "--limit", "1000", "--json").out());
        List<String> columns = List.of("eventTime", "eventID", "userIdentity.arn", "userIdentity.userName", "userAgent",
                "errorMessage", "resources.ARN", "requestParameters");
        Path out = dir.resolve("s3.csv");

        CliRun run = ok("export", "--case", caseDir, "-q", query, "--out", out.toString(),
                "--columns", String.join(",", columns), "--raw-formulas");

        assertThat(run.outLines()).containsExactly("Exported 5 events to " + out.toAbsolutePath() + " (8 columns, "
                + run.out().replaceAll("(?s).*columns, ", "").strip());
        List<List<String>> rows = Rfc4180.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).isEqualTo(columns);
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode event : events) {
            expected.add(columns.stream().map(c -> cell(event, c)).toList());
        }
        assertThat(rows.subList(1, rows.size())).isEqualTo(expected);
        assertThat(rows.get(1).get(1)).isEqualTo("e09");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(CliTrail.FORMULA, CliTrail.MESSAGE));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(CliTrail.NON_ASCII_USER));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("arn:aws:s3:::evidence/a.txt;arn:aws:s3:::evidence",
                "{\"bucketName\":\"evidence\",\"key\":\"a.txt\"}"));
    }

    /** An independent reading of a path, for comparison: arrays flattened, objects as JSON, null as empty. */
    static String cell(JsonNode event, String path) {
        List<JsonNode> nodes = List.of(event);
        for (String part : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                JsonNode child = node.get(part);
                if (child != null && child.isArray()) {
                    child.forEach(next::add);
                } else if (child != null) {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return String.join(";", nodes.stream().filter(n -> !n.isNull())
                .map(n -> n.isContainerNode() ? n.toString() : n.asText()).toList());
    }

    @Test
    void exportDefaultsToTheMainColumnsNeutralisedFormulasAndCrlf() throws IOException {
        Path out = dir.resolve("all.csv");
        ok("export", "--case", caseDir, "--out", out.toString(), "--sort", "oldest", "--quiet");

        String text = Files.readString(out, StandardCharsets.UTF_8);
        List<List<String>> rows = Rfc4180.parse(text);
        assertThat(rows.get(0)).isEqualTo(ExportOptions.DEFAULT_COLUMNS);
        assertThat(rows).hasSize(10);
        assertThat(rows.subList(1, 10)).extracting(r -> r.get(7))
                .containsExactly("e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09");
        assertThat(rows.get(2)).containsExactly("2024-05-14T06:05:00Z", "s3.amazonaws.com", "PutObject", "us-east-1",
                "arn:aws:iam::111122223333:user/mallory", "203.0.113.7", "AccessDenied", "e02");
        assertThat(text).startsWith("eventTime,eventSource,eventName,awsRegion,userIdentity.arn,sourceIPAddress,errorCode,eventID\r\n");

        Path ua = dir.resolve("ua.csv");
        ok("export", "--case", caseDir, "-q", "eventID:e02 OR eventID:e04", "--out", ua.toString(),
                "--columns", "userAgent,errorMessage");
        assertThat(Files.readString(ua, StandardCharsets.UTF_8)).isEqualTo("userAgent,errorMessage\r\n"
                + "'@SUM(1+1)*cmd,\r\n"
                + "'" + CliTrail.FORMULA + ",\"Access Denied, \"\"really\"\"\nsecond line\"\r\n");
    }

    @Test
    void exportOfNothingWritesTheHeaderAndJsonDescribesIt() throws IOException {
        Path out = dir.resolve("none.csv");
        CliRun run = ok("export", "--case", caseDir, "-q", "eventName:NoSuchCall", "--out", out.toString(), "--json",
                "--columns", "eventID,eventName");

        assertThat(Files.readString(out)).isEqualTo("eventID,eventName\r\n");
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("rows").asLong()).isZero();
        assertThat(summary.get("file").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(summary.get("columns")).extracting(JsonNode::asText).containsExactly("eventID", "eventName");
    }

    @Test
    void exportToStandardOutput() {
        CliRun run = ok("export", "--case", caseDir, "-q", "eventID:e06", "--out", "-", "--columns", "eventID,awsRegion");
        assertThat(run.out()).isEqualTo("eventID,awsRegion\r\ne06,eu-west-1\r\n");
    }

    @Test
    void facetsCountTopValues() throws IOException {
        CliRun run = ok("facets", "--case", caseDir, "--field", "eventSource", "--field", "errorCode", "--size", "2");
        assertThat(run.outLines()).containsExactly(
                "9 events",
                "",
                "eventSource",
                "  4  s3.amazonaws.com",
                "  2  ec2.amazonaws.com",
                "",
                "errorCode",
                "  1  AccessDenied",
                "  1  Client.UnauthorizedOperation");

        JsonNode json = JSON.readTree(ok("facets", "--case", caseDir, "--filter", "eventSource=s3.amazonaws.com",
                "--json").out());
        assertThat(json.get("total").asLong()).isEqualTo(4);
        assertThat(json.at("/facets/eventSource/0/value").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(json.at("/facets/eventSource/0/count").asLong()).isEqualTo(4);
        assertThat(json.at("/facets/eventSource")).hasSizeGreaterThan(1); // its own filter leaves the others visible
        assertThat(json.at("/facets/eventName/0/value").asText()).isEqualTo("GetObject");
        assertThat(json.at("/facets/eventName/0/count").asLong()).isEqualTo(2);
        assertThat(json.get("facets").size()).isEqualTo(org.trailworkbench.index.Fields.FACETS.size());
    }

    @Test
    void timelineCountsPerBucket() throws IOException {
        List<String> lines = ok("timeline", "--case", caseDir).outLines();
        assertThat(lines.get(0)).startsWith("9 events in buckets of ").endsWith(" (UTC)");
        assertThat(lines.get(1)).matches("start +count");
        long sum = lines.subList(2, lines.size()).stream().mapToLong(l -> Long.parseLong(l.split(" +")[1])).sum();
        assertThat(sum).isEqualTo(9);
        assertThat(lines.get(2)).startsWith("2024-05-14T06:00:00Z");

        JsonNode json = JSON.readTree(ok("timeline", "--case", caseDir, "--split", "awsRegion", "--json").out());
        assertThat(json.get("total").asLong()).isEqualTo(9);
        assertThat(json.get("splitBy").asText()).isEqualTo("awsRegion");
        List<JsonNode> buckets = StreamSupport.stream(json.get("buckets").spliterator(), false).toList();
        assertThat(buckets.stream().mapToLong(b -> b.get("count").asLong()).sum()).isEqualTo(9);
        assertThat(buckets.stream().mapToLong(b -> b.at("/series/eu-west-1").asLong()).sum()).isEqualTo(4);
        assertThat(buckets).allSatisfy(b -> assertThat(b.at("/series/us-east-1").asLong() + b.at("/series/eu-west-1").asLong())
                .isEqualTo(b.get("count").asLong()));

        List<String> split = ok("timeline", "--case", caseDir, "--split", "awsRegion").outLines();
        assertThat(split.get(1)).matches("start +count +us-east-1 +eu-west-1");

        assertThat(ok("timeline", "--case", caseDir, "-q", "NoSuchThing").outLines()).containsExactly("No events match.");
        assertThat(JSON.readTree(ok("timeline", "--case", caseDir, "-q", "NoSuchThing", "--json").out()).get("buckets"))
                .isEmpty();
    }

    @Test
    void statsDescribeTheCase() throws IOException {
        List<String> lines = ok("stats", "--case", caseDir).outLines();
        assertThat(lines.get(0)).isEqualTo("case:    " + Path.of(caseDir).toAbsolutePath());
        assertThat(lines.get(1)).isEqualTo("events:  9");
        assertThat(lines.get(2)).isEqualTo("span:    2024-05-14T06:00:00Z to 2024-05-15T14:00:00Z (1 day 8h)");
        assertThat(lines.get(3)).startsWith("files:   4 (2 imported, 1 damaged, 1 not CloudTrail), ");
        assertThat(lines.get(4)).matches("index:   [0-9.]+ (B|KiB|MiB) on disk");

        JsonNode json = JSON.readTree(ok("stats", "--case", caseDir, "--json").out());
        assertThat(json.get("events").asLong()).isEqualTo(9);
        assertThat(json.get("oldest").asText()).isEqualTo("2024-05-14T06:00:00Z");
        assertThat(json.get("newest").asText()).isEqualTo("2024-05-15T14:00:00Z");
        assertThat(json.at("/files/imported").asLong()).isEqualTo(2);
        assertThat(json.at("/files/notCloudTrail").asLong()).isEqualTo(1);
        assertThat(json.get("indexBytes").asLong()).isPositive();
        assertThat(json.get("case").asText()).isEqualTo(Path.of(caseDir).toAbsolutePath().toString());
    }

    @Test
    void helpAndVersionGoToStandardOutput() {
        CliRun help = ok("export", "--help");
        assertThat(help.out()).contains("Usage: trail-workbench export", "--raw-formulas", "--case=DIR");
        assertThat(ok("--version").out()).startsWith("trail-workbench ");
    }
}

package org.trailworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes and the one line on stderr: 2 for usage (a bad query included), 1 for other failures. */
class CliErrorsTest {

    @TempDir
    static Path dir;
    static String caseDir;

    @BeforeAll
    static void importLogs() throws IOException {
        Path logs = dir.resolve("logs");
        CliTrail.write(logs);
        caseDir = dir.resolve("case").toString();
        assertThat(CliRun.of("import", logs.toString(), "--case", caseDir, "--quiet").code()).isZero();
    }

    static void assertUsage(CliRun run, String message) {
        assertThat(run.code()).isEqualTo(TrailCli.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines().get(0)).isEqualTo("error: " + message);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    static void assertFailure(CliRun run, String message) {
        assertThat(run.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("error: " + message);
    }

    @Test
    void aBadQueryIsAUsageErrorOfOneLine() {
        CliRun run = CliRun.of("search", "--case", caseDir, "-q", "eventName:Get AND AND x");
        assertThat(run.code()).isEqualTo(TrailCli.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .matches("error: Syntax error at column \\d+: unexpected 'AND'");
        assertThat(run.out()).isEmpty();

        Path out = dir.resolve("bad.csv");
        CliRun export = CliRun.of("export", "--case", caseDir, "-q", "a AND", "--out", out.toString());
        assertThat(export.code()).isEqualTo(TrailCli.USAGE);
        assertThat(export.errLines()).singleElement().asString().startsWith("error: Syntax error at column ");
        assertThat(out).doesNotExist();
        for (String command : new String[]{"facets", "timeline"}) {
            assertThat(CliRun.of(command, "--case", caseDir, "-q", "(").code()).isEqualTo(TrailCli.USAGE);
        }
    }

    @Test
    void aQueryOfFiveThousandNestedParenthesesIsAUsageErrorOfOneLine() {
        String deep = "(".repeat(5_000) + "x" + ")".repeat(5_000);
        for (String command : new String[]{"search", "facets", "timeline"}) {
            CliRun run = CliRun.of(command, "--case", caseDir, "-q", deep);
            assertThat(run.code()).as(command).isEqualTo(TrailCli.USAGE);
            assertThat(run.errLines()).as(command).containsExactly(
                    "error: Syntax error at column 101: parentheses nested more than 100 deep");
        }
    }

    @Test
    void unknownOptionsAndCommands() {
        CliRun run = CliRun.of("search", "--case", caseDir, "--bogus");
        assertUsage(run, "Unknown option: '--bogus'");
        assertThat(run.errLines()).last().isEqualTo("Try 'trail-workbench search --help' for more information.");

        CliRun typo = CliRun.of("serch", "--case", caseDir);
        assertThat(typo.code()).isEqualTo(TrailCli.USAGE);
        assertThat(typo.err()).containsPattern("Did you mean: trail-workbench search[ ?]");

        CliRun nothing = CliRun.of();
        assertThat(nothing.code()).isEqualTo(TrailCli.USAGE);
        assertThat(nothing.errLines().get(0)).isEqualTo("error: missing command");
        assertThat(nothing.err()).contains("import", "search", "facets", "timeline", "export", "stats");
    }

    @Test
    void badOptionValues() {
        assertUsage(CliRun.of("search"), "Missing required option: '--case=DIR|URL'");
        assertUsage(CliRun.of("search", "--case", caseDir, "--from", "yesterday"),
                "'yesterday' is not a time: use an ISO instant like 2024-05-14T06:00:00Z or a date like 2024-05-14");
        assertUsage(CliRun.of("search", "--case", caseDir, "--from", "2024-05-15", "--to", "2024-05-13"),
                "the time range ends (2024-05-14T00:00:00Z) before it starts (2024-05-15T00:00:00Z)");
        assertUsage(CliRun.of("search", "--case", caseDir, "--filter", "eventName"),
                "Invalid value for option '--filter' (FIELD=VALUE): expected FIELD=VALUE, like eventName=GetObject, not 'eventName'");
        assertUsage(CliRun.of("search", "--case", caseDir, "--sort", "sideways"),
                "Invalid value for option '--sort': expected one of [newest, oldest] (case-insensitive) but was 'sideways'");
        assertUsage(CliRun.of("search", "--case", caseDir, "--limit", "-1"), "--limit cannot be negative");
        assertUsage(CliRun.of("timeline", "--case", caseDir, "--split", "requestID"),
                "cannot split by 'requestID': choose a facet field (" + String.join(", ",
                        org.trailworkbench.index.Fields.FACETS) + ")");
        assertUsage(CliRun.of("facets", "--case", caseDir, "--field", "requestID"),
                "'requestID' has no facet; choose from " + String.join(", ", org.trailworkbench.index.Fields.FACETS));
        assertUsage(CliRun.of("export", "--case", caseDir, "--out", dir.resolve("x.csv").toString(), "--columns", "a..b"),
                "not a field path: 'a..b' (expected names joined by dots, like userIdentity.arn)");
        assertUsage(CliRun.of("export", "--case", caseDir), "Missing required option: '--out=FILE'");
        assertUsage(CliRun.of("import", dir.toString(), "--case", caseDir, "--from", "May 14"),
                "'May 14' is not a date: use YYYY-MM-DD, like 2024-05-14");
    }

    @Test
    void aMissingOrForeignCaseIsAFailure() throws IOException {
        Path missing = dir.resolve("no-such-case");
        assertFailure(CliRun.of("search", "--case", missing.toString()),
                "no case at " + missing + " (create one with: trail-workbench import --case " + missing + " LOGS)");
        assertThat(missing).doesNotExist();

        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("cat.jpg"), "meow");
        assertFailure(CliRun.of("stats", "--case", foreign.toString()),
                foreign + " is not a Trail Workbench case (it has no case.json)");
        assertThat(CliRun.of("import", dir.resolve("logs").toString(), "--case", foreign.toString()).errLines())
                .singleElement().asString().startsWith("error: " + foreign.toAbsolutePath() + " is not a Trail Workbench case");
    }

    @Test
    void ioProblemsAreFailures() {
        Path nowhere = dir.resolve("nowhere");
        assertFailure(CliRun.of("import", nowhere.toString(), "--case", dir.resolve("c2").toString()),
                "no such file or folder: " + nowhere);
        assertThat(dir.resolve("c2")).doesNotExist();

        Path deep = dir.resolve("no/such/folder/out.csv");
        assertFailure(CliRun.of("export", "--case", caseDir, "--out", deep.toString()),
                "the folder to export into does not exist: " + deep.getParent());
        assertFailure(CliRun.of("export", "--case", caseDir, "--out", dir.toString()),
                dir + " is a folder; give a file name for the export");
    }
}

package org.trailworkbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.testing.FolderHash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data loss: a case whose index lost a file. Every reading command must leave the case folder
 * byte for byte as it was, and either work (a lost lock file) or say the index is damaged, exit code 1.
 */
class DamagedCaseCliTest {

    @TempDir
    static Path dir;
    static Path pristine;

    @BeforeAll
    static void importOnce() throws Exception {
        Path logs = dir.resolve("logs");
        CliTrail.write(logs);
        pristine = dir.resolve("pristine");
        assertThat(CliRun.of("import", logs.toString(), "--case", pristine.toString(), "--quiet").code()).isZero();
    }

    @Test
    void readingCommandsNeverChangeACaseWhateverFileItsIndexLost() throws Exception {
        List<Path> indexFiles;
        try (Stream<Path> files = Files.list(pristine.resolve("index"))) {
            indexFiles = files.sorted().toList();
        }
        assertThat(indexFiles).hasSizeGreaterThan(5).anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
        int damagedSeen = 0;
        for (Path lost : indexFiles) {
            String name = lost.getFileName().toString();
            Path caseDir = dir.resolve("without-" + name);
            FolderHash.copy(pristine, caseDir);
            Files.delete(caseDir.resolve("index").resolve(name));
            Map<String, String> before = FolderHash.of(caseDir);

            for (String[] command : readingCommands(caseDir)) {
                CliRun run = CliRun.of(command);
                if (name.equals("write.lock")) {
                    assertThat(run.code()).as(command[0] + " without " + name + ": " + run.err()).isZero();
                } else {
                    assertThat(run.code()).as(command[0] + " without " + name).isEqualTo(TrailCli.FAILURE);
                    assertThat(run.errLines()).as(command[0] + " without " + name).hasSize(1);
                    assertThat(run.err()).startsWith("error: the case index is damaged: ")
                            .contains("check --case " + caseDir).contains("rebuild --case " + caseDir);
                    damagedSeen++;
                }
                assertThat(FolderHash.of(caseDir)).as(command[0] + " without " + name).isEqualTo(before);
            }

            CliRun check = CliRun.of("check", "--case", caseDir.toString());
            assertThat(check.code()).as("check without " + name + ": " + check.out()).isEqualTo(
                    name.equals("write.lock") ? TrailCli.OK : TrailCli.FAILURE);
            assertThat(check.out()).contains(name.equals("write.lock") ? "verdict:  healthy" : "verdict:  damaged");
            assertThat(FolderHash.of(caseDir)).as("check without " + name).isEqualTo(before);

            CliRun rebuild = CliRun.of("rebuild", "--case", caseDir.toString(), "--quiet");
            assertThat(rebuild.code()).as("rebuild without " + name + ": " + rebuild.err()).isZero();
            assertThat(rebuild.out()).contains("3 read again, 0 left out");
            assertThat(events(caseDir)).as("events after rebuild without " + name).isEqualTo(events(pristine));
            assertThat(CliRun.of("check", "--case", caseDir.toString()).code()).isZero();
        }
        assertThat(damagedSeen).isPositive();
    }

    /** Every event of a case as stored, in a stable order. */
    static List<String> events(Path caseDir) {
        CliRun all = CliRun.of("search", "--case", caseDir.toString(), "--json", "--limit", "1000");
        assertThat(all.code()).isZero();
        return all.outLines().stream().sorted().toList();
    }

    private static List<String[]> readingCommands(Path caseDir) {
        String c = caseDir.toString();
        String csv = dir.resolve("out-" + caseDir.getFileName() + ".csv").toString();
        return List.of(
                new String[]{"stats", "--case", c, "--json"},
                new String[]{"search", "--case", c, "-q", "eventName:GetObject"},
                new String[]{"facets", "--case", c},
                new String[]{"timeline", "--case", c},
                new String[]{"export", "--case", c, "--out", csv, "--quiet"},
                new String[]{"insights", "--case", c, "--local"});
    }
}

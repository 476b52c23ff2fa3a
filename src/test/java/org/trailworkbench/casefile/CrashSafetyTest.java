package org.trailworkbench.casefile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of an import: the case opens at its last commit, and a re-run completes it exactly once. */
class CrashSafetyTest {

    static final int FILES = 300;
    static final int EVENTS_PER_FILE = 200;
    /** Every file but the first re-delivers this many events of the file before it, as CloudTrail sometimes does. */
    static final int REDELIVERED = 10;

    @Test
    void aKilledImportResumesWithEveryEventExactlyOnce(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        for (int f = 0; f < FILES; f++) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_FILE; i++) {
                events.add(Event.of("f" + f + "-" + i, "2024-05-14T10:00:00Z", "GetObject"));
            }
            for (int i = 0; i < REDELIVERED && f > 0; i++) {
                events.add(Event.of("f" + (f - 1) + "-" + i, "2024-05-14T10:00:00Z", "GetObject"));
            }
            TrailFiles.writeLog(logs, "us-east-1", String.format("20240514T%04dZ", f), events);
        }
        Path caseDir = dir.resolve("case");
        Path manifest = caseDir.resolve("manifest.jsonl");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:ActiveProcessorCount=1", "-Dtrailworkbench.commitIntervalMs=50",
                "-Dtrailworkbench.logs=" + System.getProperty("trailworkbench.logs", dir.resolve("logs").toString()),
                "-cp", System.getProperty("java.class.path"), ImportChildProcess.class.getName(),
                caseDir.toString(), logs.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(manifest) < 5 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling another process's progress; there is nothing to wait on
        }
        child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no rollback
        child.waitFor(30, TimeUnit.SECONDS);
        long recordedAtKill = lines(manifest);
        assertThat(Files.readString(dir.resolve("child.log"))).doesNotContain("finished");
        assertThat(recordedAtKill).isBetween(1L, (long) FILES - 1);

        try (Case c = Case.open(caseDir)) {
            long atLastCommit = c.index().eventCount();
            assertThat(atLastCommit).isPositive().isLessThan((long) FILES * EVENTS_PER_FILE);
            long committedFiles = c.manifest().files().stream().filter(f -> f.status() == FileStatus.IMPORTED).count();
            // each committed file brought its own events, plus at most the ones it re-delivers
            assertThat(atLastCommit).isBetween(committedFiles * EVENTS_PER_FILE, committedFiles * (EVENTS_PER_FILE + REDELIVERED));
            assertThat(c.search().search(SearchRequest.of("eventName:GetObject").withPage(0, null)).total())
                    .isEqualTo(atLastCommit);

            ImportReport resumed = c.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());

            // what the killed import committed is skipped, everything else is read now
            assertThat(resumed.unchanged()).isEqualTo(committedFiles);
            assertThat(resumed.files().size() - resumed.unchanged()).isEqualTo(FILES - committedFiles);
            assertThat(c.index().eventCount()).isEqualTo((long) FILES * EVENTS_PER_FILE);
            assertThat(c.manifest().files()).hasSize(FILES).allMatch(f -> f.status() == FileStatus.IMPORTED);
        }
    }

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }
}

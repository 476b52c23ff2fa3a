package org.trailworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence folders with entries a file manager shows but an import must not open, and names with backslashes. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OddEvidenceImportTest {

    @Test
    void specialFilesAndLinkLoopsAreListedAsSkippedWithTheReason(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Path log = TrailFiles.writeLog(logs, "us-east-1", "20240514T0100Z", List.of(Event.of("a1", "2024-05-14T01:00:00Z", "GetObject")));
        Path folder = log.getParent();
        Path fifo = folder.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        Path socket = folder.resolve("socket.json");
        Path device = Files.createSymbolicLink(folder.resolve("null.json"), Path.of("/dev/null"));
        Path loop = Files.createSymbolicLink(folder.resolve("loop"), folder);
        Path self = Files.createSymbolicLink(folder.resolve("self.json"), folder.resolve("self.json"));
        Path broken = Files.createSymbolicLink(folder.resolve("broken.json"), folder.resolve("nowhere.json"));
        Path linked = Files.createSymbolicLink(folder.resolve("linked.json.gz"), log);
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            CliRun run = CliRun.of("import", logs.toString(), "--case", dir.resolve("case").toString(), "--quiet");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("2 imported") // the log and the link to it
                    .contains("Not imported (6):")
                    .contains(fifo + ": a FIFO (named pipe), not a regular file: not read")
                    .contains(socket + ": a socket, not a regular file: not read")
                    .contains(device + ": a character device, not a regular file: not read")
                    .contains(loop + ": a symbolic link loop: it leads back to a folder that contains it")
                    .contains(self + ": a symbolic link loop")
                    .contains(broken + ": a broken symbolic link: its target does not exist");
            assertThat(run.out()).doesNotContain(linked + ":");
        }
    }

    @Test
    void aBackslashInAFileNameKeepsTheExactNameInTheCaseAndTheReport(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Path model = TrailFiles.writeLog(logs, "us-east-1", "20240514T0100Z", List.of(Event.of("a1", "2024-05-14T01:00:00Z", "GetObject")));
        Path odd = model.resolveSibling("111122223333_CloudTrail_us-east-1_20240514T0100Z_a\\b c'd.json.gz");
        Files.move(model, odd);
        Path damaged = odd.resolveSibling("111122223333_CloudTrail_us-east-1_20240514T0200Z_x\\y.json.gz");
        Files.write(damaged, TrailFiles.gzip("{\"Records\":[" + Event.of("a2", "2024-05-14T02:00:00Z", "GetObject").json()));
        Path caseDir = dir.resolve("case");

        CliRun run = CliRun.of("import", logs.toString(), "--case", caseDir.toString(), "--quiet");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 imported").contains("1 damaged").contains(damaged + ": damaged: ");
        try (Case c = Case.open(caseDir)) {
            assertThat(c.manifest().files()).extracting(f -> f.id())
                    .containsExactlyInAnyOrder(odd.toString(), damaged.toString());
        }
        CliRun search = CliRun.of("search", "--case", caseDir.toString(), "--json");
        assertThat(search.outLines()).hasSize(2);
    }

    @Test
    void eventsWithoutATimeAreAWarningPerFileAndTheDocumentedQueryFindsThem(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Event timed = Event.of("ok", "2024-05-14T01:00:00Z", "GetObject");
        Path log = TrailFiles.writeLog(logs, "us-east-1", "20240514T0100Z", List.of(timed));
        Path garbled = log.resolveSibling("111122223333_CloudTrail_us-east-1_20240514T0200Z_garbled.json");
        Files.writeString(garbled, TrailFiles.logFile(List.of(timed)).replace("\"ok\"", "\"bad\"")
                .replace("2024-05-14T01:00:00Z", "not a time"));
        Path caseDir = dir.resolve("case");

        CliRun run = CliRun.of("import", logs.toString(), "--case", caseDir.toString(), "--quiet");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("2 imported").contains("Warnings (1 files):")
                .contains(garbled + ": 1 event has no parseable eventTime: kept, outside every time range; "
                        + "find them with: NOT eventTime:[* TO *]");
        CliRun untimed = CliRun.of("search", "--case", caseDir.toString(), "-q", "NOT eventTime:[* TO *]", "--json");
        assertThat(untimed.outLines()).singleElement().asString().contains("\"eventID\":\"bad\"");
        assertThat(CliRun.of("search", "--case", caseDir.toString(), "--json").outLines()).hasSize(2);
    }
}

package org.trailworkbench.casefile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap exhaustion: gzip files that each inflate to one string of hundreds of megabytes, beside a
 * good file, imported by a separate JVM with a 512 MiB heap. Each bomb is reported damaged with its name and
 * the limit it broke; the good file imports.
 */
class BoundedMemoryImportTest {

    private static final int BOMBS = 4;
    private static final int BOMB_MIB = 300;

    @Test
    void filesWithHugeStringsAreDamagedOneByOneAndTheOthersImportIn512MiB(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Path good = TrailFiles.writeLog(logs, "us-east-1", "20240514T0100Z",
                List.of(Event.of("g1", "2024-05-14T01:00:00Z", "GetObject"), Event.of("g2", "2024-05-14T01:01:00Z", "PutObject")));
        Path first = good.resolveSibling("111122223333_CloudTrail_us-east-1_20240514T0200Z_bomb0.json.gz");
        writeBomb(first);
        for (int i = 1; i < BOMBS; i++) {
            Files.copy(first, first.resolveSibling(first.getFileName().toString().replace("bomb0", "bomb" + i)));
        }
        Path caseDir = dir.resolve("case");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:ActiveProcessorCount=" + BOMBS,
                "-cp", System.getProperty("java.class.path"), ImportChildProcess.class.getName(),
                caseDir.toString(), logs.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).contains("finished 2");

        try (Case c = Case.open(caseDir)) {
            assertThat(c.manifest().get(good.toString()).orElseThrow().status()).isEqualTo(FileStatus.IMPORTED);
            List<FileRecord> bombs = c.manifest().files().stream().filter(f -> f.id().contains("_bomb")).toList();
            assertThat(bombs).hasSize(BOMBS).allSatisfy(bomb -> {
                assertThat(bomb.status()).isEqualTo(FileStatus.DAMAGED);
                assertThat(bomb.reason()).startsWith("a string longer than 16 MiB characters")
                        .contains("the rest of the file was not read");
            });
        }
    }

    /** A log file whose one event carries a string of {@value #BOMB_MIB} MiB; a megabyte or so compressed. */
    private static void writeBomb(Path file) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'A');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write("{\"Records\":[{\"eventName\":\"GetObject\",\"eventID\":\"bomb\",\"userAgent\":\""
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < BOMB_MIB; i++) {
                out.write(chunk);
            }
            out.write("\"}]}".getBytes(StandardCharsets.UTF_8));
        }
    }
}

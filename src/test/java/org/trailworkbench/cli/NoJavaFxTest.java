package org.trailworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line shares a jar with the window but must never start (or even load) JavaFX. */
class NoJavaFxTest {

    @Test
    void cliAndExportSourcesDoNotImportJavaFx() throws IOException {
        for (String pkg : List.of("cli", "export")) {
            Path folder = Path.of("src/main/java/org/trailworkbench", pkg);
            assertThat(folder).isDirectory();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("javafx");
                }
            }
        }
    }

    @Test
    void mainRunsACommandWithoutLoadingAJavaFxClass(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        CliTrail.write(logs);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-verbose:class",
                "-Dtrailworkbench.logs=" + System.getProperty("trailworkbench.logs", dir.resolve("log-folder").toString()),
                "-cp", System.getProperty("java.class.path"),
                TrailCli.class.getName(), "import", logs.toString(), "--case", dir.resolve("case").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Imported into ", "org.trailworkbench.cli.TrailCli");
        assertThat(output).doesNotContain("javafx.", "com.sun.javafx", "org.controlsfx");
    }
}

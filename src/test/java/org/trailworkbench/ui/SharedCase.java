package org.trailworkbench.ui;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One real case built from the bundled sample-logs (about 13,000 events), imported once per test JVM and
 * shared by the UI tests, which only read it. Deleted when the JVM exits.
 */
final class SharedCase {

    private static Path dir;

    private SharedCase() {
    }

    static synchronized Path get() {
        if (dir == null) {
            try {
                Path folder = Files.createTempDirectory("tw-ui-case");
                try (Case c = Case.open(folder.resolve("case"))) {
                    c.importPath(sampleLogs(), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
                }
                dir = folder.resolve("case");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Path sampleLogs() {
        return Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}

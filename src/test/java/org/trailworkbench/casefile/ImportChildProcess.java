package org.trailworkbench.casefile;

import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.nio.file.Path;

/** Runs one import in a separate JVM, so that a test can kill it with SIGKILL half way. */
public final class ImportChildProcess {

    public static void main(String[] args) throws Exception {
        try (Case c = Case.open(Path.of(args[0]))) {
            ImportReport report = c.importPath(Path.of(args[1]), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            System.out.println("finished " + report.eventsAfter());
        }
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.remote.RemoteImport;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code import --case opensearch://...}: files from disk or S3 into a remote case with the bulk API. The summary has
 * the local one's shape, with what a remote import knows: files imported and unchanged (by the manifest in
 * the cluster), events read and in the case, retries the cluster asked for, problems.
 */
final class RemoteImportRun {

    private RemoteImportRun() {
    }

    /** What to import, from a folder or a bucket. */
    @FunctionalInterface
    interface Sources {
        /** @param line for what the source wants to show before the import starts (a bucket's listing) */
        RemoteImport.Result importInto(RemoteImport importer, ProgressLine line, RemoteImport.Progress progress,
                                       Cancellation cancel) throws IOException;
    }

    /** The files of a folder (or a single file) on disk. */
    static Sources folder(Path source, SourceFilter filter) {
        return (importer, line, progress, cancel) -> importer.importPath(source, filter, progress, cancel);
    }

    static int run(TrailCli cli, CaseOption caseOption, Sources sources, boolean quiet, boolean json)
            throws IOException {
        ProgressLine line = new ProgressLine(cli.err(), cli.interactive() && !quiet);
        cli.interrupts().needsCleanup();
        long started = System.nanoTime();
        RemoteImport.Result result;
        long inCase;
        String name;
        try (RemoteCase remote = caseOption.connect()) {
            name = remote.target().toString();
            RemoteImport.Progress progress = (done, total, events) -> line.show(String.format(Locale.ROOT,
                    "%3.0f%%  %s/%s files  %s events  %s/s", total == 0 ? 100.0 : 100.0 * done / total,
                    Format.count(done), Format.count(total), Format.count(events),
                    Format.rate(rate(events, Duration.ofNanos(System.nanoTime() - started)))));
            try {
                result = sources.importInto(remote.importer(), line, progress, cli.interrupts().cancellation());
            } finally {
                line.clear();
            }
            inCase = remote.search().stats().events();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (json) {
            JsonOut.print(cli.out(), summary(result, name, inCase, elapsed));
        } else {
            print(cli.out(), result, name, inCase, elapsed);
        }
        return result.cancelled() ? TrailCli.CANCELLED : TrailCli.OK;
    }

    private static void print(PrintWriter out, RemoteImport.Result r, String name, long inCase, Duration elapsed) {
        out.println((r.cancelled() ? "Import cancelled; what was finished is kept in " : "Imported into ") + name);
        out.println("  files:   " + Format.count(r.files()) + " imported, " + Format.count(r.skippedUnchanged())
                + " unchanged");
        out.println("  events:  " + Format.count(r.events()) + " read, " + Format.count(inCase) + " in the case");
        out.println("  speed:   " + Format.rate(rate(r.events(), elapsed)) + " events/s, " + Format.duration(elapsed)
                + (r.retries() > 0 ? ", " + Format.count(r.retries()) + " batches sent again (the cluster was busy)" : ""));
        if (!r.problems().isEmpty()) {
            out.println("Problems (" + r.problems().size() + "):");
            r.problems().forEach(p -> out.println("  " + Format.printable(p)));
        }
        if (r.cancelled()) {
            out.println("Run the same import again to read the rest.");
        }
    }

    private static Map<String, Object> summary(RemoteImport.Result r, String name, long inCase, Duration elapsed) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("imported", r.files());
        files.put("unchanged", r.skippedUnchanged());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", name);
        doc.put("cancelled", r.cancelled());
        doc.put("files", files);
        doc.put("eventsRead", r.events());
        doc.put("eventsInCase", inCase);
        doc.put("retries", r.retries());
        doc.put("elapsedMillis", elapsed.toMillis());
        doc.put("eventsPerSecond", Math.round(rate(r.events(), elapsed)));
        doc.put("problems", r.problems());
        return doc;
    }

    private static double rate(long events, Duration elapsed) {
        return elapsed.isZero() ? 0 : events * 1e9 / elapsed.toNanos();
    }
}

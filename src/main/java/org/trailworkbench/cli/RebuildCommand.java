package org.trailworkbench.cli;

import org.trailworkbench.casefile.CaseRebuild;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.RebuildReport;
import org.trailworkbench.s3.ManifestSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Re-create a case's index from the source files its manifest lists (paths on disk, or S3 keys "
                + "read in the version recorded at import).",
                "The new index is built beside the old one and swapped in only when complete; the old index and "
                        + "manifest are kept in a before-rebuild-<time> folder. Files whose bytes changed since they "
                        + "were imported are listed and left out, never read in silently."})
final class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;


    @Mixin
    CaseOption caseOption;

    @Mixin
    AwsOptions aws;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException, CliFailure {
        if (caseOption.isRemote()) {
            // the manifest in the cluster names the files, but rebuilding in place would mean deleting the index
            String url = caseOption.location;
            throw new CliFailure("rebuild works on a case folder; a remote case's index is the cluster's to keep: "
                    + "import the source files again into a new index instead (trail-workbench import LOGS --case "
                    + url.substring(0, url.lastIndexOf('/') + 1) + "NEW-INDEX)");
        }
        Path caseDir = caseOption.existingFolder();
        ProgressLine line = new ProgressLine(cli.err(), cli.interactive() && !quiet);
        ImportListener listener = ImportCommand.progressOn(line, "rebuilding: ");
        cli.interrupts().needsCleanup();
        RebuildReport report;
        try (ManifestSources sources = new ManifestSources(aws.settings())) {
            report = new CaseRebuild(caseDir, sources, sources.workers(caseDir)).run(listener, cli.interrupts().cancellation());
        } finally {
            line.clear();
        }
        if (json) {
            JsonOut.print(cli.out(), summary(report, caseDir));
        } else {
            print(cli.out(), report, caseDir);
        }
        return report.cancelled() ? TrailCli.CANCELLED : TrailCli.OK;
    }

    private static void print(PrintWriter out, RebuildReport r, Path caseDir) {
        if (r.cancelled()) {
            out.println("Rebuild cancelled; the case is as it was: " + caseDir);
            return;
        }
        out.println("Rebuilt the index of " + caseDir);
        out.println("  files:   " + Format.count(r.reread().files().size()) + " read again, "
                + Format.count(r.leftOut().size()) + " left out");
        out.println("  events:  " + Format.count(r.reread().eventsRead()) + " read, "
                + Format.count(r.reread().eventsAfter()) + " in the case");
        out.println("  speed:   " + Format.rate(r.reread().eventsPerSecond()) + " events/s, "
                + Format.duration(r.reread().elapsed()));
        if (!r.leftOut().isEmpty()) {
            out.println("Left out (" + r.leftOut().size() + "):");
            r.leftOut().forEach(l -> out.println("  " + Format.printable(l.id()) + ": " + Format.printable(l.reason())));
        }
        out.println("The previous index and manifest are in " + r.keptIn() + "; delete that folder when you no longer need it.");
    }

    private static Map<String, Object> summary(RebuildReport r, Path caseDir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", caseDir.toString());
        json.put("cancelled", r.cancelled());
        json.put("filesRead", r.reread().files().size());
        json.put("eventsRead", r.reread().eventsRead());
        json.put("eventsInCase", r.reread().eventsAfter());
        json.put("leftOut", r.leftOut().stream().map(l -> Map.of("path", l.id(), "reason", l.reason())).toList());
        json.put("keptIn", r.keptIn() == null ? null : r.keptIn().toString());
        json.put("elapsedMillis", r.reread().elapsed().toMillis());
        return json;
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileOutcome;
import org.trailworkbench.casefile.FileStatus;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportProgress;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Import;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import CloudTrail logs from a file, a folder or s3://bucket/prefix into a case, creating the case if needed.",
                "A remote case (--case opensearch://host:9200/INDEX) takes all three.",
                "Files already imported with the same bytes are skipped; Ctrl-C stops cleanly and keeps what was finished."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOption caseOption;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "A log file, a folder of them (a copy of a trail's bucket or a flat folder of downloads), "
                    + "or s3://bucket[/prefix].")
    String source;

    @Mixin
    AwsOptions aws;

    @Mixin
    S3SelectionOptions selecting;

    @Mixin
    DeliveryFilterOptions delivery;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException, CliFailure {
        SourceFilter filter = filter();
        boolean s3 = S3Location.isS3(source);
        if (!s3 && (aws.usedS3Only(caseOption.awsSigV4) || selecting.used())) {
            throw new ParameterException(spec.commandLine(), "--profile, --aws-region, --endpoint-url, --path-style, "
                    + "--concurrency, --org and --kind apply to s3:// sources only");
        }
        if (!s3 && !Files.exists(Path.of(source))) {
            throw new CliFailure("no such file or folder: " + source);
        }
        if (caseOption.isRemote()) {
            return RemoteImportRun.run(cli, caseOption, s3 ? bucket(filter) : RemoteImportRun.folder(Path.of(source), filter),
                    quiet, json);
        }
        ProgressLine line = new ProgressLine(cli.err(), cli.interactive() && !quiet);
        ImportListener listener = progressOn(line, "");
        cli.interrupts().needsCleanup();
        ImportReport report;
        Path caseDir;
        try (Case c = caseOption.openOrCreate()) {
            caseDir = c.dir();
            try {
                report = s3 ? importS3(c, filter, listener, line)
                        : c.importPath(Path.of(source), filter, listener, cli.interrupts().cancellation());
            } finally {
                line.clear();
            }
        }
        if (json) {
            JsonOut.print(cli.out(), summary(report, caseDir));
        } else {
            print(cli.out(), report, caseDir);
        }
        return report.cancelled() ? TrailCli.CANCELLED : TrailCli.OK;
    }

    private ImportReport importS3(Case c, SourceFilter filter, ImportListener listener, ProgressLine line)
            throws IOException {
        S3Location location = location();
        return new S3Import(settings()).run(c, location, selection(filter), listener, listing(line, location),
                cli.interrupts().cancellation());
    }

    /** The bucket's objects into a remote case: the same listing, the remote case's bulk import and manifest. */
    private RemoteImportRun.Sources bucket(SourceFilter filter) {
        S3Location location = location();
        S3Selection selection = selection(filter);
        AwsSettings settings = settings();
        return (importer, line, progress, cancel) -> {
            try (S3Import.Objects objects = new S3Import(settings).list(location, selection, listing(line, location), cancel)) {
                return importer.importFiles(objects.files(), progress, cancel);
            }
        };
    }

    private static java.util.function.LongConsumer listing(ProgressLine line, S3Location location) {
        return n -> line.show("listing " + location + ": " + Format.count(n) + " objects");
    }

    private S3Location location() {
        try {
            return S3Location.parse(source);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private S3Selection selection(SourceFilter filter) {
        try {
            return selecting.selection(filter);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private AwsSettings settings() {
        try {
            return aws.settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SourceFilter filter() {
        try {
            return delivery.toFilter();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Shows an import's progress on the line, after {@code prefix}. */
    static ImportListener progressOn(ProgressLine line, String prefix) {
        return new ImportListener() {
            @Override
            public void progress(ImportProgress p) {
                line.show(prefix + describe(p));
            }
        };
    }

    static String describe(ImportProgress p) {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%3.0f%%  %s/%s files  %s  %s events  %s/s",
                p.fraction() * 100, Format.count(p.filesDone()), Format.count(p.filesTotal()), Format.bytes(p.bytesDone()),
                Format.count(p.events()), Format.rate(p.eventsPerSecond())));
        if (p.remaining() != null && p.fraction() < 1) {
            text.append("  ").append(Format.duration(p.remaining())).append(" left");
        }
        if (p.problems() > 0) {
            text.append("  ").append(p.problems()).append(p.problems() == 1 ? " problem" : " problems");
        }
        return text.toString();
    }

    private static void print(PrintWriter out, ImportReport r, Path caseDir) {
        out.println((r.cancelled() ? "Import cancelled; what was finished is kept in " : "Imported into ") + caseDir);
        StringBuilder files = new StringBuilder()
                .append(Format.count(r.count(FileStatus.IMPORTED))).append(" imported, ")
                .append(Format.count(r.unchanged())).append(" unchanged, ")
                .append(Format.count(r.count(FileStatus.DAMAGED))).append(" damaged, ")
                .append(Format.count(r.count(FileStatus.NOT_CLOUDTRAIL))).append(" not CloudTrail, ")
                .append(Format.count(r.count(FileStatus.DIGEST))).append(" digest");
        if (r.count(FileStatus.EMPTY) > 0) {
            files.append(", ").append(Format.count(r.count(FileStatus.EMPTY))).append(" empty");
        }
        if (r.count(FileStatus.FAILED) > 0) {
            files.append(", ").append(Format.count(r.count(FileStatus.FAILED))).append(" failed");
        }
        out.println("  files:   " + files);
        out.println("  events:  " + Format.count(r.eventsRead()) + " read, " + Format.count(r.newEvents()) + " new, "
                + Format.count(r.eventsAfter()) + " in the case");
        out.println("  speed:   " + Format.rate(r.eventsPerSecond()) + " events/s, " + Format.duration(r.elapsed()));
        if (r.filteredOut() > 0 || !r.skipped().isEmpty()) {
            out.println("  left out: " + Format.count(r.filteredOut()) + " by the filter, "
                    + Format.count(r.skipped().size()) + " not log files");
        }
        List<FileOutcome> problems = r.problems();
        if (!problems.isEmpty()) {
            out.println("Problems (" + problems.size() + "):");
            for (FileOutcome p : problems) {
                out.println("  " + Format.printable(p.record().id()) + ": " + statusName(p.record().status())
                        + (p.record().reason() == null ? "" : ": " + Format.printable(p.record().reason())));
            }
        }
        List<FileOutcome> warned = r.warnings();
        if (!warned.isEmpty()) {
            out.println("Warnings (" + warned.size() + " files):");
            for (FileOutcome w : warned) {
                w.record().warnings().forEach(text -> out.println("  " + Format.printable(w.record().id()) + ": " + text));
            }
        }
        List<FileOutcome> changed = r.changed();
        if (!changed.isEmpty()) {
            out.println("Changed since an earlier import (" + changed.size() + "):");
            changed.forEach(c -> out.println("  " + Format.printable(c.record().id())));
        }
        if (!r.skipped().isEmpty()) {
            out.println("Not imported (" + r.skipped().size() + "):");
            r.skipped().forEach(s -> out.println("  " + Format.printable(s.path()) + ": " + s.reason()));
        }
        if (r.cancelled()) {
            out.println("Run the same import again to read the rest.");
        }
    }

    static String statusName(FileStatus status) {
        return switch (status) {
            case IMPORTED -> "imported";
            case DAMAGED -> "damaged";
            case DIGEST -> "digest";
            case NOT_CLOUDTRAIL -> "not CloudTrail";
            case EMPTY -> "empty";
            case FAILED -> "failed";
        };
    }

    static String jsonKey(FileStatus status) {
        return switch (status) {
            case IMPORTED -> "imported";
            case DAMAGED -> "damaged";
            case DIGEST -> "digest";
            case NOT_CLOUDTRAIL -> "notCloudTrail";
            case EMPTY -> "empty";
            case FAILED -> "failed";
        };
    }

    private static Map<String, Object> summary(ImportReport r, Path caseDir) {
        Map<String, Object> files = new LinkedHashMap<>();
        for (FileStatus status : FileStatus.values()) {
            files.put(jsonKey(status), r.count(status));
        }
        files.put("unchanged", r.unchanged());
        files.put("filteredOut", r.filteredOut());
        files.put("notLogFiles", r.skipped().size());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", caseDir.toString());
        json.put("cancelled", r.cancelled());
        json.put("files", files);
        json.put("eventsRead", r.eventsRead());
        json.put("newEvents", r.newEvents());
        json.put("eventsInCase", r.eventsAfter());
        json.put("bytesRead", r.bytesRead());
        json.put("elapsedMillis", r.elapsed().toMillis());
        json.put("eventsPerSecond", Math.round(r.eventsPerSecond()));
        json.put("problems", r.problems().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.record().id());
            m.put("status", jsonKey(p.record().status()));
            m.put("reason", p.record().reason());
            return m;
        }).toList());
        json.put("warnings", r.warnings().stream().map(w -> Map.of("path", w.record().id(),
                "warnings", w.record().warnings())).toList());
        json.put("changed", r.changed().stream().map(c -> c.record().id()).toList());
        json.put("skipped", r.skipped().stream().map(s -> Map.of("path", s.path(), "reason", s.reason())).toList());
        return json;
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.s3.DownloadListener;
import org.trailworkbench.s3.DownloadReport;
import org.trailworkbench.s3.EvidenceDownload;
import org.trailworkbench.s3.S3Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Copy a trail from S3 to a local evidence folder that verifies offline: objects under their keys,",
                "digest signatures as .metadata.json sidecars, public-keys.json and download-manifest.json.",
                "A re-run fetches only what is missing, incomplete or changed; Ctrl-C keeps what was finished."})
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "S3_URI", description = "s3://bucket[/prefix]")
    String source;

    @Parameters(index = "1", paramLabel = "FOLDER", description = "Where to write (created if missing).")
    Path folder;

    @Mixin
    AwsOptions aws;

    @Mixin
    S3SelectionOptions selecting;

    @Option(names = "--cloudtrail-endpoint-url", paramLabel = "URL", description = "Where to call CloudTrail ListPublicKeys (default: AWS).")
    URI cloudTrailEndpoint;

    @Mixin
    DeliveryFilterOptions delivery;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        S3Location location;
        EvidenceDownload download;
        org.trailworkbench.s3.S3Selection selection;
        try {
            location = S3Location.parse(source);
            selection = selecting.selection(delivery.toFilter());
            download = new EvidenceDownload(aws.settings().withCloudTrailEndpoint(cloudTrailEndpoint));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ProgressLine line = new ProgressLine(cli.err(), cli.interactive() && !quiet);
        cli.interrupts().needsCleanup();
        DownloadReport report;
        try {
            report = download.run(location, selection, folder, new DownloadListener() {
                @Override
                public void listed(long objects) {
                    line.show("listing " + location + ": " + Format.count(objects) + " objects");
                }

                @Override
                public void progress(int done, int total, long bytes) {
                    line.show(Format.count(done) + "/" + Format.count(total) + " objects  " + Format.bytes(bytes));
                }
            }, cli.interrupts().cancellation());
        } finally {
            line.clear();
        }
        if (json) {
            JsonOut.print(cli.out(), summary(report));
        } else {
            print(cli.out(), report);
        }
        if (report.cancelled()) {
            return TrailCli.CANCELLED;
        }
        return report.complete() ? TrailCli.OK : TrailCli.FAILURE;
    }

    private static void print(PrintWriter out, DownloadReport r) {
        out.println((r.cancelled() ? "Download cancelled; what was finished is kept in " : "Downloaded to ") + r.folder());
        out.println("  objects: " + Format.count(r.downloaded()) + " downloaded, " + Format.count(r.present())
                + " already present, " + Format.count(r.problems().size()) + " problems");
        out.println("  bytes:   " + Format.bytes(r.bytes()) + " in " + Format.duration(r.elapsed()));
        out.println("  keys:    " + (r.publicKeys() >= 0 ? r.publicKeys() + " in public-keys.json"
                : r.keysProblem() == null ? "no digests, no public-keys.json needed" : "public-keys.json not written"));
        if (r.filteredOut() > 0) {
            out.println("  left out: " + Format.count(r.filteredOut()) + " by the filter");
        }
        if (!r.changed().isEmpty()) {
            out.println("Changed in the bucket since the last download (" + r.changed().size() + "):");
            r.changed().forEach(c -> out.println("  " + Format.printable(c)));
        }
        if (r.keysProblem() != null) {
            out.println("Public keys: " + Format.printable(r.keysProblem()));
        }
        if (!r.problems().isEmpty()) {
            out.println("Problems (" + r.problems().size() + "):");
            r.problems().forEach(p -> out.println("  " + Format.printable(p.uri()) + ": " + Format.printable(p.reason())));
        }
        if (!r.complete()) {
            out.println("Run the same download again to fetch what is missing.");
        }
    }

    private static Map<String, Object> summary(DownloadReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", r.folder().toString());
        m.put("downloaded", r.downloaded());
        m.put("present", r.present());
        m.put("bytes", r.bytes());
        m.put("filteredOut", r.filteredOut());
        m.put("publicKeys", r.publicKeys());
        m.put("keysProblem", r.keysProblem());
        m.put("changed", r.changed());
        m.put("problems", r.problems().stream().map(p -> Map.of("uri", p.uri(), "reason", p.reason())).toList());
        m.put("complete", r.complete());
        m.put("cancelled", r.cancelled());
        m.put("elapsedMs", r.elapsed().toMillis());
        return m;
    }
}

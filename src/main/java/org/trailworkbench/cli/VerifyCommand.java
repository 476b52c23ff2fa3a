package org.trailworkbench.cli;

import org.trailworkbench.files.AtomicFiles;
import org.trailworkbench.integrity.FolderSource;
import org.trailworkbench.integrity.HtmlReport;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.JsonReport;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.Verification;
import org.trailworkbench.integrity.VerificationItem;
import org.trailworkbench.integrity.VerificationListener;
import org.trailworkbench.integrity.VerificationProgress;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.integrity.VerificationScope;
import org.trailworkbench.integrity.EvidenceSource;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the integrity of CloudTrail logs: digest signatures and chains, log file hashes, and "
                + "what is missing, injected or appended.",
                "Prints what is not valid (everything, and the log lines, with --verbose) and a summary. --from and --to also take an ISO instant. Exit code 0 when every digest and "
                        + "log file is valid, 1 when anything is not, 2 on a usage or I/O error."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "An evidence folder in the S3 layout (see docs/EVIDENCE-FOLDER.md), or s3://bucket/prefix"
                    + " (signatures from object metadata, keys from ListPublicKeys).")
    String source;

    @Mixin
    DeliveryFilterOptions delivery;

    @Mixin
    AwsOptions aws;

    @Option(names = "--public-keys", paramLabel = "FILE",
            description = "`aws cloudtrail list-public-keys` output to use instead of public-keys.json at the folder's root.")
    Path publicKeys;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report (every file, its verdict and reason) to FILE; '-' for stdout.")
    String json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML report to FILE.")
    Path html;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() {
        VerificationScope scope = scope();
        PrintWriter err = cli.err();
        if (publicKeys != null && !Files.isRegularFile(publicKeys)) {
            err.println("error: no such public keys file: " + publicKeys);
            return TrailCli.USAGE;
        }
        EvidenceSource evidence;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean s3 = S3Location.isS3(source);
        if (!s3 && aws.usedS3Only(false)) {
            throw new ParameterException(spec.commandLine(), "--profile, --aws-region, --endpoint-url, --path-style "
                    + "and --concurrency apply to s3:// sources only");
        }
        if (s3) {
            S3Location location;
            try {
                location = S3Location.parse(source);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            S3Source bucket;
            try {
                bucket = S3Source.open(location, awsSettings(), publicKeys);
            } catch (IOException e) {
                err.println("error: " + TrailCli.describe(e));
                return TrailCli.USAGE;
            }
            evidence = bucket;
            threads = bucket.threads();
        } else {
            Path folder = Path.of(source);
            if (!Files.isDirectory(folder)) {
                err.println("error: " + (Files.exists(folder) ? "not a folder: " : "no such folder: ") + folder);
                return TrailCli.USAGE;
            }
            evidence = new FolderSource(folder, publicKeys);
        }
        try {
            return verify(evidence, scope, threads);
        } finally {
            if (evidence instanceof S3Source bucket) {
                bucket.close();
            }
        }
    }

    private AwsSettings awsSettings() {
        try {
            return aws.settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int verify(EvidenceSource evidence, VerificationScope scope, int threads) {
        PrintWriter out = cli.out();
        PrintWriter err = cli.err();
        boolean jsonToStdout = "-".equals(json);
        ProgressLine line = new ProgressLine(err, cli.interactive() && !quiet);
        VerificationReport report;
        try {
            report = new Verification(evidence, scope, threads).run(new VerificationListener() {
                @Override
                public void progress(VerificationProgress p) {
                    line.show(String.format(Locale.ROOT, "verifying %s: %3.0f%%  %s/%s files", p.step(), p.fraction() * 100,
                            Format.count(p.filesDone()), Format.count(p.filesTotal())));
                }
            }, cli.interrupts().cancellation());
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + TrailCli.describe(e));
            return TrailCli.USAGE;
        } finally {
            line.clear();
        }
        if (report.keysProblem() != null) {
            err.println("warning: " + report.keysProblem());
        }
        try {
            if (json != null) {
                if (jsonToStdout) {
                    JsonReport.write(report, out);
                } else {
                    AtomicFiles.write(Path.of(json), o -> {
                        Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
                        JsonReport.write(report, w);
                    });
                }
            }
            if (html != null) {
                AtomicFiles.write(html, o -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
                    HtmlReport.write(report, w);
                    w.flush();
                });
            }
        } catch (IOException e) {
            err.println("error: cannot write the report: " + TrailCli.describe(e));
            return TrailCli.USAGE;
        }
        if (!jsonToStdout) {
            print(out, report);
        }
        if (report.cancelled()) {
            return TrailCli.CANCELLED;
        }
        return report.allValid() ? TrailCli.OK : TrailCli.FAILURE;
    }

    private VerificationScope scope() {
        try {
            // a time as well as a day: a digest chain can be checked for an hour
            Instant start = delivery.from == null ? null : TimeArgs.start(delivery.from);
            Instant end = delivery.to == null ? null : TimeArgs.end(delivery.to);
            return new VerificationScope(Set.copyOf(delivery.accounts), Set.copyOf(delivery.regions), start, end);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void print(PrintWriter out, VerificationReport r) {
        out.println("Verifying " + r.source() + " between " + (r.scope().from() == null ? "the beginning" : r.scope().from())
                + " and " + (r.scope().to() == null ? "the end" : r.scope().to()));
        out.println();
        for (VerificationItem item : r.items()) {
            Verdict v = item.verdict();
            if (v.category() == Verdict.Category.VALID && !cli.verbose()) {
                continue;
            }
            if (item.kind() == ItemKind.GAP) {
                out.println(Format.printable(item.reason()));
            } else {
                out.println(item.kind().label() + "\t" + Format.printable(item.location()) + "\t" + v.words()
                        + (item.reason() == null ? "" : "\t" + Format.printable(item.reason())));
            }
        }
        out.println();
        out.println("Results requested for " + (r.scope().from() == null ? "the beginning" : r.scope().from()) + " to "
                + (r.scope().to() == null ? "the end" : r.scope().to()));
        out.println(r.count(ItemKind.DIGEST) == 0 ? "No digests found" : r.coveredFrom() == null ? "No valid digests found in range"
                : "Results found for " + r.coveredFrom() + " to " + r.coveredTo() + ":");
        out.println();
        ratio(out, r, ItemKind.DIGEST, "digest");
        ratio(out, r, ItemKind.LOG, "log");
        out.println();
        out.println("Verdicts:");
        r.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf(Locale.ROOT, "  %8s  %s%n", Format.count(e.getValue()), e.getKey().label()));
        out.println();
        if (!r.fingerprints().isEmpty()) {
            out.println("Public keys used: " + String.join(", ", r.fingerprints()));
        }
        out.println("Evidence SHA-256: " + r.evidenceSha256());
        if (r.cancelled()) {
            out.println("Cancelled: the verification is incomplete.");
        }
    }

    /** The AWS CLI's summary line: "3/3 digest files valid" plus ", 1/4 ... INVALID" when some are not. */
    private static void ratio(PrintWriter out, VerificationReport r, ItemKind kind, String name) {
        long total = r.count(kind);
        if (total == 0) {
            return;
        }
        long valid = r.count(kind, Verdict.Category.VALID);
        long invalid = r.count(kind, Verdict.Category.INVALID);
        long unchecked = r.count(kind, Verdict.Category.UNVERIFIED);
        out.print(valid + "/" + total + " " + name + " files valid");
        if (invalid > 0) {
            out.print(", " + invalid + "/" + total + " " + name + " files INVALID");
        }
        if (unchecked > 0) {
            out.print(", " + unchecked + "/" + total + " " + name + " files NOT CHECKED");
        }
        out.println();
    }
}

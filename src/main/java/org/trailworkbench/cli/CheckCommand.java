package org.trailworkbench.cli;

import org.trailworkbench.casefile.CaseCheck;
import org.trailworkbench.casefile.CheckReport;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.remote.RemoteCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a case without changing it: Lucene's CheckIndex over its index, then the manifest against "
                + "the index, file by file. One verdict, and what to do.",
                "A remote case: the index's health in the cluster, its events against its manifest's, its template's schema.",
                "Exit code 0 when the case is healthy, 1 when it is damaged."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Mixin
    CaseOption caseOption;

    @Mixin // --profile and --aws-region, for a remote case's --aws-sigv4
    AwsAccountOptions awsAccount;

    @Option(names = "--json", description = "Print the verdict and findings as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws IOException, CliFailure {
        if (caseOption.isRemote()) {
            return remote();
        }
        Path dir = caseOption.existingFolder();
        CheckReport report = CaseCheck.run(dir);
        String advice = report.advice().replace("--case DIR", "--case " + caseOption.location);
        if (json) {
            Map<String, Object> doc = verdict(dir.toString(), report.healthy(), report.problems(), report.notes());
            doc.put("indexEvents", report.indexEvents() < 0 ? null : report.indexEvents());
            doc.put("manifestFiles", report.manifestFiles());
            doc.put("manifestEvents", report.manifestEvents());
            doc.put("advice", advice);
            JsonOut.print(cli.out(), doc);
        } else {
            PrintWriter out = cli.out();
            out.println("case:     " + dir);
            out.println("index:    " + (report.indexEvents() < 0 ? "cannot be read" : Format.count(report.indexEvents()) + " events"));
            out.println("manifest: " + Format.count(report.manifestFiles()) + " files with events, "
                    + Format.count(report.manifestEvents()) + " events read from them");
            printVerdict(out, report.healthy(), report.problems(), report.notes(), advice);
        }
        return report.healthy() ? TrailCli.OK : TrailCli.FAILURE;
    }

    /** The head of the JSON document, the same for both kinds of case. */
    private static Map<String, Object> verdict(String name, boolean healthy, List<String> problems, List<String> notes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", name);
        doc.put("verdict", healthy ? "healthy" : "damaged");
        doc.put("problems", problems);
        doc.put("notes", notes);
        return doc;
    }

    /** The end of the text, the same for both kinds of case. */
    private static void printVerdict(PrintWriter out, boolean healthy, List<String> problems, List<String> notes,
                                     String advice) {
        out.println("verdict:  " + (healthy ? "healthy" : "damaged"));
        problems.forEach(p -> out.println("  problem: " + Format.printable(p)));
        notes.forEach(n -> out.println("  note:    " + Format.printable(n)));
        out.println("to do:    " + advice);
    }

    /** A remote case: the cluster's health of the index, its events against the manifest's, the template's schema. */
    private int remote() throws IOException {
        RemoteCheck.Report report;
        String url;
        try (RemoteCase remote = caseOption.connect()) {
            url = remote.target().toString();
            report = remote.check();
        }
        String advice = report.advice(url);
        if (json) {
            Map<String, Object> doc = verdict(url, report.healthy(), report.problems(), report.notes());
            doc.put("health", report.health());
            doc.put("indexEvents", report.events());
            doc.put("manifestFiles", report.manifest().count());
            doc.put("manifestEvents", report.manifest().events());
            doc.put("templateSchema", report.templateSchema());
            doc.put("schema", report.schema());
            doc.put("advice", advice);
            JsonOut.print(cli.out(), doc);
        } else {
            PrintWriter out = cli.out();
            out.println("case:     " + url);
            out.println("index:    " + Format.count(report.events()) + " events, health " + report.health());
            out.println("manifest: " + Format.count(report.manifest().count()) + " files, "
                    + Format.count(report.manifest().events()) + " events read from them");
            out.println("template: " + (report.templateSchema() == null ? "none" : "schema " + report.templateSchema())
                    + " (this version writes schema " + report.schema() + ")");
            printVerdict(out, report.healthy(), report.problems(), report.notes(), advice);
        }
        return report.healthy() ? TrailCli.OK : TrailCli.FAILURE;
    }
}

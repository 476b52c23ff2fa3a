package org.trailworkbench.cli;

import org.trailworkbench.export.CsvExport;
import org.trailworkbench.export.ExportListener;
import org.trailworkbench.export.ExportOptions;
import org.trailworkbench.export.ExportResult;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every event a query selects to a CSV file (RFC 4180, UTF-8, CRLF), in the --sort order.",
                "Cells a spreadsheet would run as formulas get a leading ' unless --raw-formulas is given."})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOption caseOption;

    @Mixin // --profile and --aws-region, for a remote case's --aws-sigv4
    AwsAccountOptions awsAccount;

    @Mixin
    SearchOptions search;

    @Mixin
    SortOption sort;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "The CSV file to write (replaced only when the export is complete); - for standard output.")
    String out;

    @Option(names = "--columns", paramLabel = "PATH", split = ",",
            description = "Field paths to write, comma separated (default: "
                    + "eventTime,eventSource,eventName,awsRegion,userIdentity.arn,sourceIPAddress,errorCode,eventID). "
                    + "Arrays are joined with ';', objects written as JSON.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--raw-formulas", description = "Write cells starting with = + - @ as they are.")
    boolean rawFormulas;

    @Option(names = "--bom", description = "Start the file with a UTF-8 byte order mark (for Excel).")
    boolean bom;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException, QuerySyntaxException, CliFailure {
        boolean toStdout = out.equals("-");
        if (toStdout && json) {
            throw new ParameterException(spec.commandLine(), "--json describes a file; with --out - the CSV is the output");
        }
        ExportOptions options;
        try {
            options = ExportOptions.DEFAULTS.withColumns(columns).withRawFormulas(rawFormulas).withUtf8Bom(bom);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SearchRequest request = search.request().withSort(sort.order());
        ProgressLine line = new ProgressLine(cli.err(), cli.interactive() && !quiet);
        ExportListener listener = (rows, total) -> line.show(String.format(java.util.Locale.ROOT, "%3.0f%%  %s/%s events",
                total == 0 ? 100.0 : 100.0 * rows / total, Format.count(rows), Format.count(total)));
        cli.interrupts().needsCleanup();
        ExportResult result;
        try (CaseEvents c = caseOption.openEvents()) {
            CsvExport export = new CsvExport(c.search());
            try {
                result = toStdout
                        ? export.toWriter(request, cli.out(), options, listener, cli.interrupts().cancellation())
                        : export.toFile(request, Path.of(out), options, listener, cli.interrupts().cancellation());
            } finally {
                line.clear();
            }
        }
        if (result.cancelled()) {
            cli.err().println(toStdout ? "Export cancelled after " + Format.count(result.rows()) + " events."
                    : "Export cancelled; no file was written.");
            return TrailCli.CANCELLED;
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", result.file().toString());
            doc.put("rows", result.rows());
            doc.put("columns", result.columns());
            doc.put("elapsedMillis", result.elapsed().toMillis());
            JsonOut.print(cli.out(), doc);
        } else if (!toStdout) {
            cli.out().println("Exported " + Format.count(result.rows()) + (result.rows() == 1 ? " event" : " events")
                    + " to " + result.file() + " (" + result.columns().size() + " columns, "
                    + Format.duration(result.elapsed()) + ").");
        }
        return TrailCli.OK;
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.index.Fields;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Count the events a query selects per time bucket (UTC), optionally split by a facet field.",
                "The bucket size (a minute to a month) is chosen to give about 150 buckets over the range."})
final class TimelineCommand implements Callable<Integer> {

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

    @Option(names = "--split", paramLabel = "FIELD", completionCandidates = FacetsCommand.Dimensions.class,
            description = "Also count the top values of this facet field per bucket (one of: ${COMPLETION-CANDIDATES}).")
    String split;

    @Option(names = "--json", description = "Print the buckets as one JSON document.")
    boolean json;

    @Override
    public Integer call() throws IOException, QuerySyntaxException, CliFailure {
        if (split != null && !Fields.isFacet(split)) {
            throw new ParameterException(spec.commandLine(), "cannot split by '" + split + "': choose a facet field ("
                    + String.join(", ", Fields.FACETS) + ")");
        }
        SearchResponse response;
        try (CaseEvents c = caseOption.openEvents()) {
            response = c.search().search(search.request().withPage(0, null).withFacets(0).withTimeline(true, split));
        }
        // an empty selection still gets one placeholder bucket from the search; it means nothing here
        Timeline timeline = response.total() == 0 || response.timeline() == null ? Timeline.empty() : response.timeline();
        if (json) {
            JsonOut.print(cli.out(), document(response.total(), timeline));
        } else {
            print(cli.out(), response.total(), timeline);
        }
        return TrailCli.OK;
    }

    private static Map<String, Object> document(long total, Timeline t) {
        List<Map<String, Object>> buckets = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("start", Format.time(t.starts()[i]));
            bucket.put("end", Format.time(t.bucketEnd(i)));
            bucket.put("count", t.counts()[i]);
            if (t.splitBy() != null) {
                Map<String, Long> series = new LinkedHashMap<>();
                for (var s : t.series().entrySet()) {
                    series.put(s.getKey(), s.getValue()[i]);
                }
                bucket.put("series", series);
            }
            buckets.add(bucket);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("total", total);
        doc.put("interval", t.size() == 0 ? null : t.interval().name());
        doc.put("splitBy", t.splitBy());
        doc.put("buckets", buckets);
        return doc;
    }

    private static void print(PrintWriter out, long total, Timeline t) {
        if (t.size() == 0) {
            out.println("No events match.");
            return;
        }
        out.println(Format.count(total) + (total == 1 ? " event" : " events") + " in buckets of " + t.interval().label()
                + (t.splitBy() == null ? "" : ", split by " + t.splitBy()) + " (UTC)");
        List<String> names = t.splitBy() == null ? List.of() : t.seriesNames();
        String[] headers = new String[2 + names.size()];
        headers[0] = "start";
        headers[1] = "count";
        for (int s = 0; s < names.size(); s++) {
            headers[2 + s] = names.get(s);
        }
        Table table = new Table(60, headers);
        for (int c = 1; c < headers.length; c++) {
            table.alignRight(c);
        }
        List<String[]> rows = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            String[] row = new String[headers.length];
            row[0] = Format.time(t.starts()[i]);
            row[1] = Long.toString(t.counts()[i]);
            for (int s = 0; s < names.size(); s++) {
                row[2 + s] = Long.toString(t.series().get(names.get(s))[i]);
            }
            rows.add(row);
        }
        table.print(out, rows);
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.export.JsonPaths;
import org.trailworkbench.search.Cursor;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.SortOrder;
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
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "List the events a query selects: a table of the first N, or the raw events as JSON Lines.")
final class SearchCommand implements Callable<Integer> {

    static final String[] HEADERS = {"time", "eventName", "eventSource", "region", "principal", "sourceIP", "errorCode"};
    private static final JsonPaths ROW = JsonPaths.of("eventTime", "eventName", "eventSource", "awsRegion",
            "userIdentity.arn", "userIdentity.invokedBy", "sourceIPAddress", "errorCode");
    private static final int MAX_PAGE = 1000;
    private static final int MAX_CELL = 80;

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

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "Events to list (default: ${DEFAULT-VALUE}); 0 prints only the count.")
    int limit;

    @Option(names = "--json", description = "Print the raw events as JSON Lines (one record per line), nothing else.")
    boolean json;

    @Override
    public Integer call() throws IOException, QuerySyntaxException, CliFailure {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit cannot be negative");
        }
        SearchRequest request = search.request().withSort(sort.order());
        PrintWriter out = cli.out();
        try (CaseEvents c = caseOption.openEvents()) {
            Table table = new Table(MAX_CELL, HEADERS);
            long total = -1;
            long shown = 0;
            long took = 0;
            Cursor cursor = null;
            do {
                int size = (int) Math.min(limit - shown, MAX_PAGE);
                SearchResponse page = c.search().search(request.hitsOnly(size, cursor));
                total = total < 0 ? page.total() : total;
                took += page.tookMillis();
                if (json) {
                    page.hits().forEach(hit -> out.println(hit.json()));
                } else if (!page.hits().isEmpty()) {
                    table.print(out, rows(page.hits()));
                }
                shown += page.hits().size();
                cursor = page.next();
            } while (cursor != null && shown < limit);
            if (!json) {
                out.println(footer(total, shown, request.sort(), took));
            }
        }
        return TrailCli.OK;
    }

    private static List<String[]> rows(List<EventHit> hits) throws IOException {
        List<String[]> rows = new ArrayList<>(hits.size());
        for (EventHit hit : hits) {
            String[] v = ROW.extract(hit.json());
            String time = v[0].isEmpty() ? Format.time(hit.time()) : v[0];
            String principal = v[4].isEmpty() ? v[5] : v[4];
            rows.add(new String[]{time, v[1], v[2], v[3], principal, v[6], v[7]});
        }
        return rows;
    }

    private static String footer(long total, long shown, SortOrder sort, long tookMillis) {
        if (total == 0) {
            return "No events match.";
        }
        String order = sort == SortOrder.OLDEST_FIRST ? "oldest first" : "newest first";
        String events = total == 1 ? "event" : "events";
        if (shown == 0) {
            return Format.count(total) + " " + events + " match (" + tookMillis + " ms).";
        }
        return "Showing " + Format.count(shown) + " of " + Format.count(total) + " " + events + ", " + order
                + " (" + tookMillis + " ms).";
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.index.Fields;
import org.trailworkbench.search.FacetCount;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchResponse;
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

@Command(name = "facets", mixinStandardHelpOptions = true,
        description = {"Count the top values of each facet dimension among the events a query selects.",
                "A dimension's own --filter does not narrow its counts, so the other values stay visible."})
final class FacetsCommand implements Callable<Integer> {

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

    @Option(names = "--size", paramLabel = "N", defaultValue = "10",
            description = "Values per dimension (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--field", paramLabel = "FIELD",
            description = "Only these dimensions (repeatable); default all of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Dimensions.class)
    List<String> fields = new ArrayList<>();

    @Option(names = "--json", description = "Print {\"total\":N,\"facets\":{FIELD:[{\"value\":..,\"count\":..}]}}.")
    boolean json;

    @Override
    public Integer call() throws IOException, QuerySyntaxException, CliFailure {
        if (size < 1) {
            throw new ParameterException(spec.commandLine(), "--size must be at least 1");
        }
        for (String field : fields) {
            if (!Fields.isFacet(field)) {
                throw new ParameterException(spec.commandLine(), "'" + field + "' has no facet; choose from "
                        + String.join(", ", Fields.FACETS));
            }
        }
        SearchResponse response;
        try (CaseEvents c = caseOption.openEvents()) {
            response = c.search().search(search.request().withPage(0, null).withFacets(size).withTimeline(false, null));
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        response.facets().forEach((dim, counts) -> {
            if (fields.isEmpty() || fields.contains(dim)) {
                facets.put(dim, counts);
            }
        });
        PrintWriter out = cli.out();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("total", response.total());
            doc.put("facets", facets);
            JsonOut.print(out, doc);
            return TrailCli.OK;
        }
        out.println(Format.count(response.total()) + (response.total() == 1 ? " event" : " events"));
        facets.forEach((dim, counts) -> {
            out.println();
            out.println(dim);
            if (counts.isEmpty()) {
                out.println("  (no values)");
                return;
            }
            int width = counts.stream().mapToInt(f -> Format.count(f.count()).length()).max().orElse(1);
            for (FacetCount f : counts) {
                String n = Format.count(f.count());
                out.println("  " + " ".repeat(width - n.length()) + n + "  " + Format.printable(f.value()));
            }
        });
        return TrailCli.OK;
    }

    /** The facet dimensions, for the help text and shell completion. */
    static final class Dimensions extends ArrayList<String> {
        Dimensions() {
            super(Fields.FACETS);
        }
    }
}

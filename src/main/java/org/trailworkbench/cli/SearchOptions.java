package org.trailworkbench.cli;

import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.TimeRange;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What selects events, shared by search, facets, timeline and export so they always agree. */
final class SearchOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-q", "--query"}, paramLabel = "QUERY",
            description = "Lucene syntax over CloudTrail field paths, e.g. "
                    + "'eventName:Delete* AND userIdentity.type:IAMUser'; bare words search every value. Default: all events.")
    String query = "";

    @Option(names = "--from", paramLabel = "TIME",
            description = "Start of the time range: an ISO instant (2024-05-14T06:00:00Z) or a date (from its start, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "End of the time range: an instant (excluded) or a date (included, to the end of that day, UTC).")
    String to;

    @Option(names = "--filter", paramLabel = "FIELD=VALUE", converter = FieldValue.Converter.class,
            description = "Keep only events with this value (repeatable; values of one field are alternatives).")
    List<FieldValue> filters = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "FIELD=VALUE", converter = FieldValue.Converter.class,
            description = "Leave out events with this value (repeatable).")
    List<FieldValue> excludes = new ArrayList<>();

    /** The request these options describe, newest first, with facets and timeline on (callers turn off what they skip). */
    SearchRequest request() {
        TimeRange range;
        try {
            Instant start = from == null ? null : TimeArgs.start(from);
            Instant end = to == null ? null : TimeArgs.end(to);
            range = TimeRange.of(start, end);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Map<String, FacetFilter> byField = new LinkedHashMap<>();
        for (FieldValue f : filters) {
            byField.merge(f.field(), FacetFilter.NONE.including(f.value()), (a, b) -> a.including(f.value()));
        }
        for (FieldValue f : excludes) {
            byField.merge(f.field(), FacetFilter.NONE.excluding(f.value()), (a, b) -> a.excluding(f.value()));
        }
        return SearchRequest.of(query)
                .withRange(range)
                .withFilters(byField);
    }
}

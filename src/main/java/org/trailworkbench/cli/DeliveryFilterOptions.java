package org.trailworkbench.cli;

import org.trailworkbench.ingest.SourceFilter;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters read from a trail file's path before it is opened (account, region, delivery day), shared by
 * the commands that select files ({@code import}, {@code download}, {@code verify}) and by {@code insights},
 * which selects anomalies by the same account, region and time.
 */
final class DeliveryFilterOptions {

    @Option(names = "--account", paramLabel = "ID", description = "Only this account (repeatable).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Only this region (repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Only from this day on (UTC); verify and insights also take an ISO instant.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only up to this day, included (UTC); verify and insights also take an ISO instant, excluded.")
    String to;

    /** @throws IllegalArgumentException for a day that is not a date */
    SourceFilter toFilter() {
        LocalDate first = from == null ? null : TimeArgs.date(from);
        LocalDate last = to == null ? null : TimeArgs.date(to);
        return new SourceFilter(Set.copyOf(accounts), Set.copyOf(regions), first, last);
    }
}

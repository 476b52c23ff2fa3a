package org.trailworkbench.cli;

import org.trailworkbench.ingest.SourceFilter;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters read from a trail file's path before it is opened (account, region, delivery day), shared by
 * the commands that select files: {@code import} and {@code download}.
 */
final class DeliveryFilterOptions {

    @Option(names = "--account", paramLabel = "ID", description = "Only files of this account (repeatable).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Only files of this region (repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Only files delivered on or after this day (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only files delivered on or before this day (UTC).")
    String to;

    /** @throws IllegalArgumentException for a day that is not a date */
    SourceFilter toFilter() {
        LocalDate first = from == null ? null : TimeArgs.date(from);
        LocalDate last = to == null ? null : TimeArgs.date(to);
        return new SourceFilter(Set.copyOf(accounts), Set.copyOf(regions), first, last);
    }
}

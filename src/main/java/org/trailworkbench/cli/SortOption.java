package org.trailworkbench.cli;

import org.trailworkbench.search.SortOrder;
import picocli.CommandLine.Option;

/** {@code --sort}, for the commands that list events. */
final class SortOption {

    enum Sort { newest, oldest }

    @Option(names = "--sort", paramLabel = "ORDER", description = "newest (default) or oldest first.")
    Sort sort = Sort.newest;

    SortOrder order() {
        return sort == Sort.oldest ? SortOrder.OLDEST_FIRST : SortOrder.NEWEST_FIRST;
    }
}

package org.trailworkbench.ingest;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which files of a trail to take, decided from the path alone so that nothing outside the selection is
 * opened or downloaded. Empty sets and null dates mean "all".
 *
 * @param accounts account ids to keep
 * @param regions  regions to keep
 * @param from     first day to keep (inclusive, UTC)
 * @param to       last day to keep (inclusive, UTC)
 */
public record SourceFilter(Set<String> accounts, Set<String> regions, LocalDate from, LocalDate to) {

    public static final SourceFilter ALL = new SourceFilter(Set.of(), Set.of(), null, null);

    public SourceFilter {
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean isAll() {
        return accounts.isEmpty() && regions.isEmpty() && from == null && to == null;
    }

    /**
     * Whether a file with this path is selected. A file whose path tells nothing passes only an empty
     * filter: we cannot know it matches, and silently importing out-of-scope data would be worse.
     */
    public boolean accepts(TrailPath path) {
        if (path == null) {
            return isAll();
        }
        if (!accounts.isEmpty() && (path.account() == null || !accounts.contains(path.account()))) {
            return false;
        }
        if (!regions.isEmpty() && (path.region() == null || !regions.contains(path.region()))) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        LocalDate date = path.date();
        if (date == null) {
            return false;
        }
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}

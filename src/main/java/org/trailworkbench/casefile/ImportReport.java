package org.trailworkbench.casefile;

import java.time.Duration;
import java.util.List;

/**
 * The summary at the end of an import.
 *
 * @param files        outcomes of every selected file, in the order they finished
 * @param skipped      files seen in the source but not imported (wrong type, unreadable folder entries)
 * @param filteredOut  files left out by the account/region/date filter
 * @param eventsRead   records read, re-delivered copies included
 * @param eventsBefore documents in the case before
 * @param eventsAfter  documents in the case after (one per eventID)
 * @param bytesRead    bytes read
 * @param elapsed      wall time, commit included
 * @param cancelled    whether the user stopped it (what was finished is kept)
 */
public record ImportReport(List<FileOutcome> files, List<Skipped> skipped, long filteredOut, long eventsRead,
                           long eventsBefore, long eventsAfter, long bytesRead, Duration elapsed,
                           boolean cancelled) {

    public record Skipped(String path, String reason) {
    }

    public long count(FileStatus status) {
        return files.stream().filter(f -> !f.unchanged() && f.record().status() == status).count();
    }

    public long unchanged() {
        return files.stream().filter(FileOutcome::unchanged).count();
    }

    /** Files read in this import that were damaged, unreadable or not CloudTrail (unchanged ones were not read). */
    public List<FileOutcome> problems() {
        return files.stream().filter(f -> !f.unchanged() && f.isProblem()).toList();
    }

    /** Files read in this import that were kept whole but have something worth a look. */
    public List<FileOutcome> warnings() {
        return files.stream().filter(f -> !f.unchanged() && !f.record().warnings().isEmpty()).toList();
    }

    public List<FileOutcome> changed() {
        return files.stream().filter(f -> f.changedFrom() != null).toList();
    }

    public long newEvents() {
        return eventsAfter - eventsBefore;
    }

    public double eventsPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : eventsRead / seconds;
    }
}

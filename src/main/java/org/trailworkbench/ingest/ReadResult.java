package org.trailworkbench.ingest;

/**
 * What reading one file produced.
 *
 * @param kind     what the file is
 * @param events   records handed to the sink (all of them, including the ones before any damage)
 * @param skipped  items that were JSON but not CloudTrail events (an export's metadata rows, say)
 * @param damage   why reading stopped early, or null when the whole file was read
 * @param warnings what was kept but deserves a look (events without a usable time, repeated keys)
 */
public record ReadResult(FileKind kind, long events, long skipped, String damage, java.util.List<String> warnings) {

    public ReadResult {
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    public ReadResult(FileKind kind, long events, long skipped, String damage) {
        this(kind, events, skipped, damage, java.util.List.of());
    }

    public boolean damaged() {
        return damage != null;
    }
}

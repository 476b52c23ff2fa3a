package org.trailworkbench.ingest;

import java.util.List;

/**
 * One CloudTrail record as read from a file: its exact JSON (compact, UTF-8) and its leaves flattened to
 * JSON paths, so the index can make every value searchable without parsing the record a second time.
 *
 * @param json        the record, re-serialised compactly with numbers and strings exactly as written
 * @param eventId     the record's eventID, or a stable content hash when a converted export lost it
 * @param eventTime   epoch milliseconds, or {@link Long#MIN_VALUE} when the record carries no time
 * @param leaves      every non-null scalar, in document order; array elements share their parent's path
 * @param objectPaths every object or array path (for {@code _exists_} on objects)
 */
public record ParsedEvent(byte[] json, String eventId, long eventTime, List<Leaf> leaves, List<String> objectPaths) {

    public static final long NO_TIME = Long.MIN_VALUE;

    /** A scalar value at a dotted JSON path; {@code value} is the text as written (booleans as true/false). */
    public record Leaf(String path, String value) {
    }

    public boolean hasTime() {
        return eventTime != NO_TIME;
    }

    /** The first value at {@code path}, or null. */
    public String first(String path) {
        for (Leaf leaf : leaves) {
            if (leaf.path().equals(path)) {
                return leaf.value();
            }
        }
        return null;
    }
}

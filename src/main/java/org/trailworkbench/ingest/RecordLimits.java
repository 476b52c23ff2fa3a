package org.trailworkbench.ingest;

/**
 * How large one record may be. CloudTrail itself caps an event at 256 KB (it truncates larger request and
 * response elements), so these limits only stop hostile or corrupt files, such as a gzip that inflates to a
 * single gigabyte string, before they exhaust the heap: such a file is reported as damaged, the others import.
 * Memory an import needs is then bounded per worker, whatever its files hold.
 */
public final class RecordLimits {

    /**
     * Bytes of one record, and characters of one string (a shipper's {@code _raw} holds a whole log file as
     * a string): 16 MiB unless {@code -Dtrailworkbench.maxRecordMiB} says otherwise.
     */
    public static final int MAX_RECORD_BYTES = (int) Math.min(1024, Math.max(1, Long.getLong("trailworkbench.maxRecordMiB", 16)))
            * 1024 * 1024;

    /** Scalars and objects of one record: a few hundred in an event; each costs memory until it is indexed. */
    public static final int MAX_RECORD_VALUES = 500_000;

    private RecordLimits() {
    }

    static String tooLarge() {
        return "a record larger than " + mib() + " (CloudTrail events are at most 256 KB)";
    }

    static String tooManyValues() {
        return "a record with more than " + MAX_RECORD_VALUES + " values (CloudTrail events have a few hundred)";
    }

    /** Jackson's own messages name its settings; users need the limit and what it protects. */
    static String describe(String constraintMessage) {
        if (constraintMessage != null && constraintMessage.startsWith("String value length")) {
            return "a string longer than " + mib() + " characters (more than any CloudTrail record holds)";
        }
        return "too large: " + (constraintMessage == null ? "a size limit was exceeded" : constraintMessage);
    }

    private static String mib() {
        return (MAX_RECORD_BYTES / (1024 * 1024)) + " MiB";
    }
}

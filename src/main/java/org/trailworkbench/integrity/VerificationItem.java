package org.trailworkbench.integrity;

import java.util.Objects;

/**
 * One digest, log file, Insights file, other file or gap of a verification: what the UI shows as a row. It
 * starts {@link Verdict#PENDING} and is settled once, from a worker thread; reads are safe from any thread.
 */
public final class VerificationItem {
    private final ItemKind kind;
    private final String key;
    private final String location;
    private final long size;
    private final boolean present;
    private volatile State state = new State(Verdict.PENDING, null, null, null);

    /** Its final state, published in one write so a reader never sees a verdict with another's reason. */
    private record State(Verdict verdict, String reason, String coveringDigest, String fileSha256) {
    }

    /**
     * @param key      the file's key relative to the evidence root (for a gap: the later digest's key)
     * @param location where the file is, as the user reads it (a path or an s3:// URL)
     * @param size     bytes, or -1 when the file is absent
     */
    VerificationItem(ItemKind kind, String key, String location, long size) {
        this.kind = Objects.requireNonNull(kind);
        this.key = Objects.requireNonNull(key);
        this.location = Objects.requireNonNull(location);
        this.size = size;
        this.present = size >= 0;
    }

    void settle(Verdict verdict, String reason, String coveringDigest, String fileSha256) {
        state = new State(verdict, reason, coveringDigest, fileSha256);
    }

    /** Keeps what a later step found out (a link check) without losing the file hash of an earlier one. */
    void overrule(Verdict verdict, String reason) {
        State s = state;
        state = new State(verdict, reason, s.coveringDigest, s.fileSha256);
    }

    public ItemKind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public String location() {
        return location;
    }

    /** Bytes on disk or in the bucket; -1 for a file that is missing. */
    public long size() {
        return size;
    }

    public boolean present() {
        return present;
    }

    public Verdict verdict() {
        return state.verdict;
    }

    /** Why, in a sentence; null for a plain valid file. */
    public String reason() {
        return state.reason;
    }

    /** The key of the digest that lists this log file, or null. */
    public String coveringDigest() {
        return state.coveringDigest;
    }

    /** Hex SHA-256 of the file's bytes as stored (compressed), or null when not read. */
    public String fileSha256() {
        return state.fileSha256;
    }

    public boolean isSettled() {
        return state.verdict != Verdict.PENDING;
    }

    @Override
    public String toString() {
        return kind.label() + " " + key + " " + state.verdict;
    }

    /** Sorting for reports: by key, then kind. */
    static int compare(VerificationItem a, VerificationItem b) {
        int c = a.key.compareTo(b.key);
        return c != 0 ? c : a.kind.compareTo(b.kind);
    }
}

package org.trailworkbench.integrity;

/**
 * Every outcome a file can have, a closed set. The first group are the AWS CLI's own ({@code aws cloudtrail
 * validate-logs}), in its words, so auditors recognise them; the rest are what that command does not check.
 * {@link #words()} is what the CLI prints after the file's location.
 */
public enum Verdict {
    PENDING(Category.PENDING, "pending"),

    DIGEST_VALID(Category.VALID, "valid"),
    DIGEST_NOT_FOUND(Category.INVALID, "INVALID: not found"),
    DIGEST_MOVED(Category.INVALID, "INVALID: has been moved from its original location"),
    DIGEST_INVALID_FORMAT(Category.INVALID, "INVALID: invalid format"),
    DIGEST_PUBLIC_KEY_NOT_FOUND(Category.INVALID, "INVALID: public key not found"),
    DIGEST_SIGNATURE_FAILED(Category.INVALID, "INVALID: signature verification failed"),
    DIGEST_KEY_UNLOADABLE(Category.INVALID, "INVALID: Unable to load PKCS #1 key"),
    /** Ours: no {@code .metadata.json} sidecar (or S3 metadata) at all, which is not the same as a bad signature. */
    DIGEST_SIGNATURE_MISSING(Category.INVALID, "INVALID: signature missing"),
    DIGEST_ALGORITHM_UNSUPPORTED(Category.INVALID, "INVALID: signature algorithm is not SHA256withRSA"),
    DIGEST_KEY_OUTSIDE_VALIDITY(Category.INVALID, "INVALID: public key used outside its validity window"),
    DIGEST_PREVIOUS_HASH_MISMATCH(Category.INVALID, "INVALID: previous digest hash doesn't match"),
    DIGEST_PREVIOUS_SIGNATURE_MISMATCH(Category.INVALID, "INVALID: previous digest signature doesn't match"),
    /** Ours: an hour of the chain with no digest, between two that are present (its name is inferred). */
    DIGEST_MISSING_IN_CHAIN(Category.INVALID, "INVALID: not found (missing from the hourly chain)"),
    /** Ours: the chain stops before the newest log file or the hourly cadence of the trail's other chains. */
    DIGEST_MISSING_AT_END(Category.INVALID, "INVALID: not found (the chain ends too early)"),

    LOG_VALID(Category.VALID, "valid"),
    LOG_HASH_MISMATCH(Category.INVALID, "INVALID: hash value doesn't match"),
    LOG_NOT_FOUND(Category.INVALID, "INVALID: not found"),
    LOG_INVALID_FORMAT(Category.INVALID, "INVALID: invalid format"),
    /** Ours: present, in an hour whose digest is valid, but listed in no digest (injected or left over). */
    LOG_NOT_IN_DIGEST(Category.INVALID, "INVALID: listed in no digest"),
    /** Ours: its hour's digest is missing or invalid, so nothing vouches for it. */
    LOG_NOT_CHECKED(Category.UNVERIFIED, "NOT CHECKED: no valid digest covers it"),
    LOG_DATA_AFTER_GZIP(Category.INVALID, "INVALID: data after the end of the gzip stream"),
    LOG_EXTRA_GZIP_MEMBER(Category.INVALID, "INVALID: extra gzip member"),
    LOG_GZIP_TRAILER_MISSING(Category.INVALID, "INVALID: gzip trailer missing"),

    /** Ours: digests do not cover Insights files, in AWS or here; not valid, not a failure. */
    INSIGHTS_NOT_COVERED(Category.NOTICE, "not covered: digests do not list Insights files"),
    /** Ours: a file that is no CloudTrail log, digest or Insights file. */
    OTHER_NOT_COVERED(Category.NOTICE, "not covered: not a CloudTrail file"),
    /** The AWS CLI's notice for a chain that restarts (logging was off): "No log files were delivered...". */
    GAP(Category.NOTICE, "No log files were delivered by CloudTrail"),

    /** Ours: the file exists but could not be read (permissions, I/O error). */
    UNREADABLE(Category.INVALID, "INVALID: cannot be read");

    /** How a verdict counts: only {@link #VALID} and {@link #NOTICE} leave the exit code at 0. */
    public enum Category { PENDING, VALID, INVALID, UNVERIFIED, NOTICE }

    private final Category category;
    private final String words;

    Verdict(Category category, String words) {
        this.category = category;
        this.words = words;
    }

    public Category category() {
        return category;
    }

    public String words() {
        return words;
    }

    /** The verdict with what it applies to, for summaries: "Log file: INVALID: hash value doesn't match". */
    public String label() {
        String kind = name().startsWith("DIGEST") ? "Digest file" : name().startsWith("LOG") ? "Log file"
                : this == INSIGHTS_NOT_COVERED ? "Insights file" : this == GAP ? "Gap" : "File";
        return kind + ": " + words;
    }

    /** Whether this verdict makes a verification fail (exit code 1). */
    public boolean fails() {
        return category == Category.INVALID || category == Category.UNVERIFIED;
    }
}

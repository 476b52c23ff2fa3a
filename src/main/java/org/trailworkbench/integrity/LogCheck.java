package org.trailworkbench.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/** Reads one log file (or a file no digest covers) and gives it its verdict. */
final class LogCheck {
    private final EvidenceSource source;

    LogCheck(EvidenceSource source) {
        this.source = source;
    }

    void check(LogPlan plan, GzipHasher hasher) {
        VerificationItem item = plan.item();
        GzipHasher.Result r = read(item, plan.digestKey(), hasher);
        if (r == null) {
            return;
        }
        if (plan.verdict() != null) {
            item.settle(plan.verdict(), plan.reason(), plan.digestKey(), r.fileSha256());
            return;
        }
        String digest = plan.digestKey();
        switch (r.outcome()) {
            case NOT_GZIP, CORRUPT, TRUNCATED ->
                    item.settle(Verdict.LOG_INVALID_FORMAT, r.detail(), digest, r.fileSha256());
            default -> {
                if (!r.contentSha256().equalsIgnoreCase(plan.expectedHash())) {
                    item.settle(Verdict.LOG_HASH_MISMATCH, "the digest lists " + plan.expectedHash()
                            + ", the content hashes to " + r.contentSha256()
                            + (r.detail() == null ? "" : "; also " + r.detail()), digest, r.fileSha256());
                    return;
                }
                Verdict verdict = switch (r.outcome()) {
                    case TRAILER_MISSING -> Verdict.LOG_GZIP_TRAILER_MISSING;
                    case TRAILER_MISMATCH -> Verdict.LOG_INVALID_FORMAT;
                    case EXTRA_MEMBER -> Verdict.LOG_EXTRA_GZIP_MEMBER;
                    case DATA_AFTER -> Verdict.LOG_DATA_AFTER_GZIP;
                    default -> Verdict.LOG_VALID;
                };
                String reason = verdict == Verdict.LOG_VALID ? null
                        : r.detail() + "; the content before it matches the digest";
                item.settle(verdict, reason, digest, r.fileSha256());
            }
        }
    }

    /** Insights and other files: nothing vouches for them, but their hash goes into the report. */
    void notCovered(VerificationItem item, GzipHasher hasher) {
        GzipHasher.Result r = read(item, null, hasher);
        if (r != null) {
            item.settle(item.kind() == ItemKind.INSIGHTS ? Verdict.INSIGHTS_NOT_COVERED : Verdict.OTHER_NOT_COVERED,
                    item.kind() == ItemKind.INSIGHTS ? "CloudTrail's digests do not list Insights files"
                            : "not a CloudTrail log, digest or Insights file", null, r.fileSha256());
        }
    }

    /** Null when the file could not be read; the item is then settled already. */
    private GzipHasher.Result read(VerificationItem item, String digest, GzipHasher hasher) {
        try (InputStream in = source.open(item.key())) {
            return hasher.hash(in, null);
        } catch (NoSuchFileException e) {
            item.settle(item.kind() == ItemKind.LOG ? Verdict.LOG_NOT_FOUND : Verdict.UNREADABLE,
                    "it disappeared while being verified", digest, null);
        } catch (IOException e) {
            item.settle(Verdict.UNREADABLE, e.toString(), digest, null);
        }
        return null;
    }
}

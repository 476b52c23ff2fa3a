package org.trailworkbench.integrity;

import java.time.Instant;
import java.util.List;

/**
 * A digest as read and checked on its own, before the chain is looked at. Fields from the JSON are null
 * when the digest could not be parsed ({@link #parsed()} false).
 *
 * @param key            where it is, relative to the evidence root
 * @param name           what its key says (chain, end time), or null for a key off CloudTrail's pattern
 * @param contentSha256  hex SHA-256 of the uncompressed digest, null when it could not be inflated
 * @param signature      the signature from its metadata, null when missing
 * @param verdict        its own verdict (valid, or the first check that failed)
 */
record DigestFile(String key, KeyNames.DigestName name, String fileSha256, String contentSha256, boolean parsed,
                  String startTime, String endTime, Instant start, Instant end, String s3Bucket, String s3Object,
                  String fingerprint, String previousS3Object, String previousHash, String previousSignature,
                  List<ListedLog> logFiles, String signature, Verdict verdict, String reason) {

    /** One entry of {@code logFiles}. */
    record ListedLog(String s3Bucket, String s3Object, String hashValue) {
    }

    DigestFile {
        logFiles = logFiles == null ? List.of() : List.copyOf(logFiles);
    }

    /** The end time to order it by: its own, or what its name says when it could not be read. */
    Instant sortTime() {
        return end != null ? end : name != null ? name.end() : Instant.MIN;
    }

    boolean valid() {
        return verdict == Verdict.DIGEST_VALID;
    }

    DigestFile withVerdict(Verdict v, String why) {
        return new DigestFile(key, name, fileSha256, contentSha256, parsed, startTime, endTime, start, end, s3Bucket,
                s3Object, fingerprint, previousS3Object, previousHash, previousSignature, logFiles, signature, v, why);
    }
}

package org.trailworkbench.integrity;

import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where the evidence is: a folder in the S3 layout or a bucket and prefix. Keys are relative to the
 * source's root and '/'-separated, so the verification never knows which one it reads.
 */
public interface EvidenceSource {

    /** What the user pointed at, for reports: a folder path or an {@code s3://bucket/prefix} URL. */
    String describe();

    /**
     * Every object under the root except the signature sidecars and the public keys file, which are read
     * through {@link #signature} and {@link #publicKeys}.
     */
    List<EvidenceObject> list(Cancellation cancellation) throws IOException;

    /**
     * The object's bytes as stored. Throws {@link java.nio.file.NoSuchFileException} when it is absent:
     * the verification tells "not found" apart from other read errors by that type.
     */
    InputStream open(String key) throws IOException;

    /** A digest's signature metadata; empty when the digest has none (a missing sidecar). */
    Optional<SignatureMetadata> signature(String digestKey) throws IOException;

    /**
     * The public keys to check signatures with, for digests of these regions ending in this span (AWS
     * keeps keys per region and answers ListPublicKeys for a time range; a keys file ignores both).
     */
    PublicKeys publicKeys(java.util.Set<String> regions, java.time.Instant from, java.time.Instant to) throws IOException;

    /** Where a key is, in words the user can paste: an absolute path or an s3:// URL. */
    String location(String key);

    /**
     * The bucket the objects are in, when known: a digest must then name it as its {@code digestS3Bucket}.
     * Null for a folder, which may have been copied from a bucket of any name.
     */
    default String bucket() {
        return null;
    }

    /** A listed object: its key relative to the root and its size in bytes. */
    record EvidenceObject(String key, long size) {
    }

    /**
     * The S3 metadata CloudTrail puts on a digest ({@code x-amz-meta-signature},
     * {@code x-amz-meta-signature-algorithm}); either may be null when the metadata lacks it.
     */
    record SignatureMetadata(String signature, String algorithm) {
    }
}

package org.trailworkbench.s3;

import java.time.Instant;

/**
 * An object as a listing describes it.
 *
 * @param etag         without the quotes S3 puts around it; changes whenever the bytes change
 * @param storageClass STANDARD, GLACIER, ...; null when the store does not say
 */
public record S3Object(String bucket, String key, long size, String etag, Instant lastModified, String storageClass) {

    public String uri() {
        return S3Location.uri(bucket, key);
    }

    /** Objects in these classes must be restored before they can be read. */
    public boolean archived() {
        return "GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass);
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}

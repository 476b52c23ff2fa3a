package org.trailworkbench.s3;

import java.io.IOException;

/**
 * A request to S3 that failed for good (after the SDK's retries), in words a user can act on, naming the
 * bucket and, for an object, its key. An {@link IOException} so that the import records it against the
 * one object and goes on with the others.
 */
public final class S3Failure extends IOException {

    /** What went wrong, for code that reacts differently (the UI offers "aws sso login" for one of them). */
    public enum Reason {
        NO_CREDENTIALS, SSO_EXPIRED, ACCESS_DENIED, NO_SUCH_BUCKET, NO_SUCH_KEY, WRONG_REGION, ARCHIVED,
        THROTTLED, CHANGED, CONNECTION, OTHER
    }

    private final Reason reason;
    private final String bucket;
    private final String key;

    public S3Failure(Reason reason, String bucket, String key, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.bucket = bucket;
        this.key = key;
    }

    public Reason reason() {
        return reason;
    }

    public String bucket() {
        return bucket;
    }

    /** The object's key or the listed prefix; null for the bucket as a whole. */
    public String key() {
        return key;
    }
}

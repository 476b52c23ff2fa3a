package org.trailworkbench.s3;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Opens objects for reading as streams that survive a dropped connection: see {@link ObjectStream}.
 * Thread-safe; one instance serves every worker of an import or a download.
 */
public final class S3Reader {

    private final S3Client s3;
    private final String profile;
    private final int maxResumes;

    /**
     * @param maxResumes how many times one object may be resumed after its connection dropped
     */
    public S3Reader(S3Client s3, String profile, int maxResumes) {
        this.s3 = s3;
        this.profile = profile;
        this.maxResumes = maxResumes;
    }

    /**
     * Opens an object as it was listed. With an ETag, every request asks for exactly that version
     * ({@code If-Match}), so a resumed read never splices two versions of an object together.
     */
    public ObjectStream open(S3Object object) throws S3Failure {
        return new ObjectStream(this, object, get(object, 0));
    }

    int maxResumes() {
        return maxResumes;
    }

    /** A GET from {@code offset} on; the SDK's retry policy covers throttling and transient errors. */
    ResponseInputStream<GetObjectResponse> get(S3Object object, long offset) throws S3Failure {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (object.etag() != null) {
            request.ifMatch("\"" + object.etag() + "\"");
        }
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        try {
            return s3.getObject(request.build());
        } catch (SdkException e) {
            throw S3Errors.translate(e, "reading", object.bucket(), object.key(), profile);
        }
    }
}

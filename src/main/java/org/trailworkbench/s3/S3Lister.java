package org.trailworkbench.s3;

import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** ListObjectsV2, page by page, with errors that name the bucket and prefix. Thread-safe. */
public final class S3Lister {

    private final S3Client s3;
    private final String profile;

    public S3Lister(S3Client s3, String profile) {
        this.s3 = s3;
        this.profile = profile;
    }

    /** Every object under {@code prefix}, in key order, handed over page by page. */
    public void objects(String bucket, String prefix, Cancellation cancel, Consumer<S3Object> each) throws S3Failure {
        String token = null;
        do {
            ListObjectsV2Response page = page(bucket, prefix, null, token, cancel);
            page.contents().forEach(o -> each.accept(new S3Object(bucket, o.key(), o.size() == null ? 0 : o.size(),
                    S3Object.unquote(o.eTag()), o.lastModified(), o.storageClassAsString())));
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
    }

    public List<S3Object> objects(String bucket, String prefix, Cancellation cancel) throws S3Failure {
        List<S3Object> all = new ArrayList<>();
        objects(bucket, prefix, cancel, all::add);
        return all;
    }

    /** The "folders" right below {@code prefix} (common prefixes for the delimiter '/'), each ending with '/'. */
    public List<String> folders(String bucket, String prefix, Cancellation cancel) throws S3Failure {
        List<String> folders = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = page(bucket, prefix, "/", token, cancel);
            page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(folders::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return folders;
    }

    private ListObjectsV2Response page(String bucket, String prefix, String delimiter, String token, Cancellation cancel)
            throws S3Failure {
        if (cancel.isCancelled()) {
            throw new CancellationException("cancelled");
        }
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .continuationToken(token);
        if (delimiter != null) {
            request.delimiter(delimiter);
        }
        try {
            return s3.listObjectsV2(request.build());
        } catch (SdkException e) {
            throw S3Errors.translate(e, "listing", bucket, prefix, profile);
        }
    }
}

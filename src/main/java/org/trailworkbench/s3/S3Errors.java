package org.trailworkbench.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Locale;

/**
 * Turns what the SDK throws into an {@link S3Failure} whose message says what happened, to which bucket
 * and key, and what to do about it. The SDK's own messages name Java classes and request ids; a user
 * needs "run aws sso login".
 */
final class S3Errors {

    private S3Errors() {
    }

    /**
     * @param action what we were doing, as a verb phrase: "listing", "reading", "finding the region of"
     * @param key    the object key or listed prefix, or null for the bucket itself
     */
    static S3Failure translate(SdkException e, String action, String bucket, String key, String profile) {
        String where = S3Location.uri(bucket, key);
        if (e instanceof AwsServiceException service) {
            return service(service, action, bucket, key, where);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("sso") && (lower.contains("expired") || lower.contains("token") || lower.contains("invalid"))) {
            String p = profile == null ? "<profile>" : profile;
            return new S3Failure(S3Failure.Reason.SSO_EXPIRED, bucket, key,
                    "the SSO session for profile " + p + " has expired or was never started: run 'aws sso login --profile "
                            + p + "' and try again", e);
        }
        if (lower.contains("unable to load credentials") || lower.contains("no credentials")
                || lower.contains("profile file contained no credentials") || lower.contains("unable to load region")) {
            String which = profile == null ? "" : " for profile " + profile;
            return new S3Failure(S3Failure.Reason.NO_CREDENTIALS, bucket, key,
                    "no AWS credentials found" + which + " (looked in the environment, ~/.aws/credentials and "
                            + "~/.aws/config, SSO, container and instance roles): set them up with 'aws configure' or "
                            + "'aws sso login', or choose a profile with --profile", e);
        }
        if (e instanceof SdkClientException) {
            return new S3Failure(S3Failure.Reason.CONNECTION, bucket, key,
                    "cannot reach S3 while " + action + " " + where + ": " + firstLine(message), e);
        }
        return new S3Failure(S3Failure.Reason.OTHER, bucket, key, action + " " + where + " failed: " + firstLine(message), e);
    }

    private static S3Failure service(AwsServiceException e, String action, String bucket, String key, String where) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        if (code.equals("InvalidObjectState") || code.equals("ObjectArchived")) {
            return new S3Failure(S3Failure.Reason.ARCHIVED, bucket, key, where + " is archived (Glacier or Deep Archive): "
                    + "restore it first (aws s3api restore-object) and run again", e);
        }
        if (code.equals("NoSuchBucket") || (status == 404 && (key == null || key.isEmpty()) && !code.equals("NoSuchKey"))) {
            return new S3Failure(S3Failure.Reason.NO_SUCH_BUCKET, bucket, key, "no such bucket: " + bucket
                    + " (check the name, and --endpoint-url for an S3-compatible store)", e);
        }
        if (code.equals("NoSuchKey") || status == 404) {
            return new S3Failure(S3Failure.Reason.NO_SUCH_KEY, bucket, key, where + " no longer exists: it was deleted after it was listed", e);
        }
        if (code.equals("PreconditionFailed") || status == 412) {
            return new S3Failure(S3Failure.Reason.CHANGED, bucket, key, where + " was replaced while it was being read: run again", e);
        }
        if (code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed") || status == 301) {
            String region = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? null
                    : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
            return new S3Failure(S3Failure.Reason.WRONG_REGION, bucket, key, "bucket " + bucket + " is in another region"
                    + (region == null ? "" : " (" + region + "): pass --aws-region " + region), e);
        }
        if (e.isThrottlingException() || status == 503 || status == 429 || code.equals("SlowDown")) {
            return new S3Failure(S3Failure.Reason.THROTTLED, bucket, key, "S3 kept throttling " + action + " " + where
                    + " (" + (code.isEmpty() ? "HTTP " + status : code) + ") after every retry: lower --concurrency or try later", e);
        }
        if (code.equals("ExpiredToken") || code.equals("InvalidToken") || code.equals("TokenRefreshRequired")) {
            return new S3Failure(S3Failure.Reason.SSO_EXPIRED, bucket, key, "the credentials have expired (" + code
                    + "): refresh them (for SSO: aws sso login) and run again", e);
        }
        if (code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
            return new S3Failure(S3Failure.Reason.NO_CREDENTIALS, bucket, key, "the credentials were refused (" + code
                    + ") while " + action + " " + where + ": check the access key and secret of the profile", e);
        }
        if (code.equals("AccessDenied") || code.equals("AllAccessDisabled") || status == 403) {
            String need = action.startsWith("listing") ? "s3:ListBucket on the bucket"
                    : "s3:GetObject on the object (and kms:Decrypt when the trail is encrypted with KMS)";
            return new S3Failure(S3Failure.Reason.ACCESS_DENIED, bucket, key, "access denied " + action + " " + where
                    + ": the credentials need " + need, e);
        }
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return new S3Failure(S3Failure.Reason.OTHER, bucket, key, action + " " + where + " failed: "
                + (code.isEmpty() ? "HTTP " + status : code) + (detail == null ? "" : " (" + firstLine(detail) + ")"), e);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}

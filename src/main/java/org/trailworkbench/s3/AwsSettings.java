package org.trailworkbench.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;

/**
 * How to reach AWS (or an S3-compatible store): what {@code --profile}, {@code --aws-region},
 * {@code --endpoint-url} and {@code --path-style} say. Holds no secret: credentials come from the SDK's
 * default chain (environment, shared config and credentials files, SSO, container and instance roles) or
 * the named profile, and never pass through this record into a case or a log.
 *
 * @param profile            a named profile of the shared config files, or null for the default chain
 * @param region             the region to start from, or null for the profile's or the environment's;
 *                           a bucket's own region is then found by asking the bucket
 * @param endpoint           an S3-compatible store or a VPC endpoint, or null for AWS
 * @param pathStyle          {@code https://host/bucket/key} instead of {@code https://bucket.host/key}
 * @param cloudTrailEndpoint where to call CloudTrail (ListPublicKeys), or null for AWS
 * @param concurrency        objects fetched at once, and so HTTP connections kept open
 * @param maxAttempts        tries per request, the first included, for throttling and transient errors
 * @param credentials        credentials the caller already holds (a test, a UI after its own login), or
 *                           null to let the SDK find them
 */
public record AwsSettings(String profile, String region, URI endpoint, boolean pathStyle, URI cloudTrailEndpoint,
                          int concurrency, int maxAttempts, AwsCredentialsProvider credentials) {

    /**
     * Sixteen objects in flight keep a pipeline busy across AWS round trips of 20 to 80 ms while the
     * parser works on the two to eight cores a laptop has; more mostly adds Lucene writer threads.
     */
    public static final int DEFAULT_CONCURRENCY = 16;
    /** The SDK's standard mode tries 3 times; trails are read in bulk, so a throttled bucket gets more. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    public AwsSettings {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be between 1 and 256: " + concurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 30) {
            throw new IllegalArgumentException("attempts must be between 1 and 30: " + maxAttempts);
        }
        if (profile != null && profile.isBlank()) {
            profile = null;
        }
        if (region != null && region.isBlank()) {
            region = null;
        }
    }

    /** The SDK's defaults for everything: default chain, default region, AWS endpoints. */
    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null, false, null, DEFAULT_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, null);
    }

    public AwsSettings withProfile(String value) {
        return new AwsSettings(value, region, endpoint, pathStyle, cloudTrailEndpoint, concurrency, maxAttempts, credentials);
    }

    public AwsSettings withRegion(String value) {
        return new AwsSettings(profile, value, endpoint, pathStyle, cloudTrailEndpoint, concurrency, maxAttempts, credentials);
    }

    public AwsSettings withEndpoint(URI value, boolean usePathStyle) {
        return new AwsSettings(profile, region, value, usePathStyle, cloudTrailEndpoint, concurrency, maxAttempts, credentials);
    }

    public AwsSettings withCloudTrailEndpoint(URI value) {
        return new AwsSettings(profile, region, endpoint, pathStyle, value, concurrency, maxAttempts, credentials);
    }

    public AwsSettings withConcurrency(int value) {
        return new AwsSettings(profile, region, endpoint, pathStyle, cloudTrailEndpoint, value, maxAttempts, credentials);
    }

    public AwsSettings withMaxAttempts(int value) {
        return new AwsSettings(profile, region, endpoint, pathStyle, cloudTrailEndpoint, concurrency, value, credentials);
    }

    public AwsSettings withCredentials(AwsCredentialsProvider value) {
        return new AwsSettings(profile, region, endpoint, pathStyle, cloudTrailEndpoint, concurrency, maxAttempts, value);
    }

    /** Never the credentials: this string may end up in a log. */
    @Override
    public String toString() {
        return "AwsSettings[profile=" + profile + ", region=" + region + ", endpoint=" + endpoint + ", pathStyle="
                + pathStyle + ", cloudTrailEndpoint=" + cloudTrailEndpoint + ", concurrency=" + concurrency
                + ", maxAttempts=" + maxAttempts + ", credentials=" + (credentials == null ? "sdk" : "given") + "]";
    }
}

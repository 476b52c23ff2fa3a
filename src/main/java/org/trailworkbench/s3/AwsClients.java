package org.trailworkbench.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;

import java.time.Duration;

/**
 * Builds SDK clients from {@link AwsSettings}: one place for credentials, regions, endpoints, the HTTP
 * connection pool and the retry policy, shared by the import, the download and integrity verification.
 * Callers close the clients they get.
 */
public final class AwsClients {

    /** When nothing names a region: S3 answers from here with the bucket's real region. */
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    private AwsClients() {
    }

    /** An S3 client in the configured region (or the fallback), for calls that do not depend on a bucket. */
    public static S3Client s3(AwsSettings settings) {
        return s3(settings, region(settings));
    }

    /**
     * An S3 client in the bucket's own region, found by asking the bucket (HeadBucket), so that users need
     * not know where a trail's bucket lives. Against a custom endpoint the configured region is used as is.
     *
     * @throws S3Failure when the bucket does not exist, cannot be reached, or the credentials are refused
     */
    public static S3Client s3ForBucket(AwsSettings settings, String bucket) throws S3Failure {
        Region start = region(settings);
        S3Client client = s3(settings, start);
        try {
            Region actual = bucketRegion(client, bucket, settings).orElse(start);
            if (actual.equals(start) || settings.endpoint() != null) {
                return client;
            }
            client.close();
            return s3(settings, actual);
        } catch (S3Failure | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** A CloudTrail client in one region (ListPublicKeys is regional). */
    public static CloudTrailClient cloudTrail(AwsSettings settings, String region) {
        var builder = CloudTrailClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(4))
                .overrideConfiguration(overrides(settings));
        if (settings.cloudTrailEndpoint() != null) {
            builder.endpointOverride(settings.cloudTrailEndpoint());
        }
        return builder.build();
    }

    /** The region the settings start from: the option, else the profile's, else the environment's. */
    public static Region region(AwsSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return settings.profile() != null
                    ? new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, settings.profile()).getRegion()
                    : DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException none) {
            return FALLBACK_REGION;
        }
    }

    static S3Client s3(AwsSettings settings, Region region) {
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .httpClientBuilder(ApacheHttpClient.builder()
                        // one per object in flight, plus listings that run beside the fetches
                        .maxConnections(settings.concurrency() + 4)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .tcpKeepAlive(true))
                .overrideConfiguration(overrides(settings));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static ClientOverrideConfiguration overrides(AwsSettings settings) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                        // a bulk read meets throttling in bursts; the token bucket would give up on every
                        // object of the burst at once instead of backing off
                        .circuitBreakerEnabled(false)
                        .build())
                .build();
    }

    static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.credentials() != null) {
            return settings.credentials();
        }
        if (settings.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static java.util.Optional<Region> bucketRegion(S3Client client, String bucket, AwsSettings settings)
            throws S3Failure {
        try {
            HeadBucketResponse head = client.headBucket(b -> b.bucket(bucket));
            return java.util.Optional.ofNullable(head.bucketRegion()).filter(r -> !r.isBlank()).map(Region::of);
        } catch (AwsServiceException e) {
            // S3 names the bucket's region even when it refuses the request (301, 400, 403)
            var header = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
                    ? java.util.Optional.<String>empty()
                    : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
            if (header.isPresent() && e.statusCode() != 404) {
                return header.map(Region::of);
            }
            throw S3Errors.translate(e, "checking", bucket, null, settings.profile());
        } catch (SdkException e) {
            throw S3Errors.translate(e, "checking", bucket, null, settings.profile());
        }
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.s3.AwsSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;

/**
 * How commands that read {@code s3://} sources reach the bucket ({@code import}, {@code download},
 * {@code verify}). Credentials are never options: they come from the SDK's default chain or the named
 * profile.
 */
final class AwsOptions {

    @Mixin
    AwsAccountOptions account;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "An S3-compatible store or a VPC endpoint, e.g. http://127.0.0.1:9000.")
    URI endpoint;

    @Option(names = "--path-style", description = "Address buckets as URL/bucket/key instead of bucket.host (most S3-compatible stores need it).")
    boolean pathStyle;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + AwsSettings.DEFAULT_CONCURRENCY,
            description = "Objects fetched at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    AwsSettings settings() {
        try {
            return account.settings().withEndpoint(endpoint, pathStyle)
                    .withConcurrency(concurrency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--concurrency: " + e.getMessage());
        }
    }

    /**
     * Whether any option that only means something for an s3:// source was given.
     *
     * @param accountUsedElsewhere the profile and region also sign the requests to the case's cluster
     */
    boolean usedS3Only(boolean accountUsedElsewhere) {
        return (!accountUsedElsewhere && account.used()) || endpoint != null || pathStyle
                || concurrency != AwsSettings.DEFAULT_CONCURRENCY;
    }
}

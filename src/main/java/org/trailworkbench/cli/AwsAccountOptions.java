package org.trailworkbench.cli;

import org.trailworkbench.s3.AwsSettings;
import picocli.CommandLine.Option;

/**
 * Whose AWS credentials and which region: for reading {@code s3://} sources (inside {@link AwsOptions}) and
 * for signing the requests to a remote case on Amazon OpenSearch Service ({@code --aws-sigv4}, in
 * {@link CaseOption}, which finds these options on its command by name). Credentials are never options.
 */
final class AwsAccountOptions {

    static final String PROFILE = "--profile";
    static final String REGION = "--aws-region";

    @Option(names = PROFILE, paramLabel = "NAME",
            description = "Named profile of ~/.aws/config and ~/.aws/credentials (SSO profiles included). Default: the SDK's default chain.")
    String profile;

    @Option(names = REGION, paramLabel = "REGION",
            description = "Region to start from (a bucket's own region is found automatically; an Amazon OpenSearch "
                    + "Service host names its own). Default: the profile's or AWS_REGION.")
    String region;

    AwsSettings settings() {
        return AwsSettings.defaults().withProfile(profile).withRegion(region);
    }

    boolean used() {
        return profile != null || region != null;
    }
}

package org.trailworkbench.ui.cases;

import org.trailworkbench.remote.RequestSigner;
import org.trailworkbench.s3.AwsRequestSigner;
import org.trailworkbench.s3.AwsSettings;

/**
 * Whose AWS credentials sign the requests to a remote case on Amazon OpenSearch Service, as the dialog's SigV4
 * choice says: a named profile or the SDK's default chain, and a region or none. Holds no secret; the signer
 * finds the credentials itself, as the command line's {@code --aws-sigv4} does.
 *
 * @param profile a profile of ~/.aws/config, or blank for the default chain
 * @param region  the region to sign for, or blank for the one an AWS host names, else the profile's or AWS_REGION
 */
record SigV4Account(String profile, String region) {

    /**
     * The same signer the command line builds: region and service from an AWS endpoint's host name unless given.
     * Reads the shared config files, so it belongs off the FX thread.
     *
     * @throws IllegalArgumentException in words, when no region is found anywhere
     */
    RequestSigner signerFor(String host) {
        AwsSettings account = AwsSettings.defaults().withProfile(profile).withRegion(region);
        try {
            return AwsRequestSigner.forCluster(account, null, host)::sign;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AWS SigV4: " + e.getMessage(), e);
        }
    }
}

package org.trailworkbench.s3;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.List;
import java.util.TreeSet;

/**
 * The profile names of the user's AWS config and credentials files, where the AWS CLI and the SDK look
 * for them ({@code ~/.aws/config}, {@code ~/.aws/credentials}, or {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE}), read with the SDK's own parser so the list matches what it uses.
 */
public final class AwsProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(AwsProfiles.class);

    private AwsProfiles() {
    }

    /** Sorted, "default" first when present; empty when there are no files or they cannot be read. */
    public static List<String> names() {
        try {
            TreeSet<String> names = new TreeSet<>(ProfileFile.defaultProfileFile().profiles().keySet());
            boolean hasDefault = names.remove("default");
            List<String> sorted = new java.util.ArrayList<>(names);
            if (hasDefault) {
                sorted.add(0, "default");
            }
            return List.copyOf(sorted);
        } catch (RuntimeException e) {
            // a damaged config file: the SDK will say so, in words, when the profile is used
            LOG.warn("the AWS profiles could not be listed", e);
            return List.of();
        }
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Selection;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of commands that read {@code s3://} sources: how to reach the bucket, and what only a bucket
 * listing can select by (organization, kind of file). Credentials are never options: they come from the
 * SDK's default chain or the named profile.
 */
final class AwsOptions {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Named profile of ~/.aws/config and ~/.aws/credentials (SSO profiles included). Default: the SDK's default chain.")
    String profile;

    @Option(names = "--aws-region", paramLabel = "REGION",
            description = "Region to start from (the bucket's own region is found automatically). Default: the profile's or AWS_REGION.")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "An S3-compatible store or a VPC endpoint, e.g. http://127.0.0.1:9000.")
    URI endpoint;

    @Option(names = "--path-style", description = "Address buckets as URL/bucket/key instead of bucket.host (most S3-compatible stores need it).")
    boolean pathStyle;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + AwsSettings.DEFAULT_CONCURRENCY,
            description = "Objects fetched at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--org", paramLabel = "o-ID", description = "Only this organization of an organization trail (repeatable).")
    List<String> orgs = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only these kinds of file: logs, digests, insights (comma-separated; default: all).")
    List<String> kinds = new ArrayList<>();

    AwsSettings settings() {
        try {
            return AwsSettings.defaults().withProfile(profile).withRegion(region).withEndpoint(endpoint, pathStyle)
                    .withConcurrency(concurrency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--concurrency: " + e.getMessage());
        }
    }

    S3Selection selection(SourceFilter filter) {
        Set<FileKind> wanted = EnumSet.noneOf(FileKind.class);
        for (String kind : kinds) {
            wanted.add(switch (kind.strip().toLowerCase(Locale.ROOT)) {
                case "logs", "log", "events" -> FileKind.EVENTS;
                case "digests", "digest" -> FileKind.DIGEST;
                case "insights", "insight" -> FileKind.INSIGHTS;
                default -> throw new IllegalArgumentException("--kind: '" + kind + "' is not logs, digests or insights");
            });
        }
        return new S3Selection(filter, Set.copyOf(orgs), wanted);
    }

    /** Whether any option that only means something for an s3:// source was given. */
    boolean usedS3Only() {
        return profile != null || region != null || endpoint != null || pathStyle || !orgs.isEmpty() || !kinds.isEmpty()
                || concurrency != AwsSettings.DEFAULT_CONCURRENCY;
    }
}

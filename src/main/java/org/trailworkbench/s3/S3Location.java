package org.trailworkbench.s3;

/**
 * {@code s3://bucket[/prefix]}: where a trail lives. The prefix is kept as typed, without a leading slash.
 */
public record S3Location(String bucket, String prefix) {

    private static final String SCHEME = "s3://";

    public S3Location {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("not a bucket name: '" + bucket + "'");
        }
        prefix = prefix == null ? "" : prefix;
    }

    public static boolean isS3(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** Parses {@code s3://bucket}, {@code s3://bucket/}, {@code s3://bucket/some/prefix}. */
    public static S3Location parse(String text) {
        if (!isS3(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an S3 location: use s3://bucket/prefix");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' names no bucket: use s3://bucket/prefix");
        }
        return new S3Location(bucket, prefix);
    }

    /** The prefix as a folder: empty, or ending with '/' (a prefix "AWSLogs" also matches "AWSLogsOld/"). */
    public String folderPrefix() {
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The key relative to this location, '/'-separated, for {@link org.trailworkbench.ingest.TrailPath}. */
    public String relative(String key) {
        String folder = folderPrefix();
        return key.startsWith(folder) ? key.substring(folder.length()) : key;
    }

    static String uri(String bucket, String key) {
        return SCHEME + bucket + "/" + (key == null ? "" : key);
    }

    @Override
    public String toString() {
        return uri(bucket, prefix);
    }
}

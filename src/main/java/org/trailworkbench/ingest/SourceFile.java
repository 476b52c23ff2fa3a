package org.trailworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;

/** A file to import, wherever it lives (a folder, a bucket): identity, size and a way to read its bytes. */
public interface SourceFile {

    /** Where it comes from, as the user named it: a folder path or {@code s3://bucket/prefix}. */
    String source();

    /** Unique and stable across runs: an absolute path, or {@code s3://bucket/key}. */
    String id();

    /** The path relative to the source, '/'-separated: what {@link TrailPath} parses. */
    String relativePath();

    long size();

    /** The stored bytes, compressed or not, exactly as they are on disk or in the bucket. */
    InputStream open() throws IOException;

    /**
     * A tag the store changes whenever the bytes change (an S3 ETag), or null when there is none (a file on
     * disk). With one, an unchanged file is skipped on re-import without reading it again.
     */
    default String etag() {
        return null;
    }

    default TrailPath trailPath() {
        return TrailPath.parse(relativePath()).orElse(null);
    }
}

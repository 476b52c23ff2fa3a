package org.trailworkbench.s3;

import org.trailworkbench.ingest.SourceFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * An object handed to the import pipeline: it is fetched only when the pipeline opens it, and its bytes
 * stream from the connection into the parser, with no temporary file.
 */
record S3SourceFile(String source, S3Object object, String relativePath, S3Reader reader) implements SourceFile {

    @Override
    public String id() {
        return object.uri();
    }

    @Override
    public long size() {
        return object.size();
    }

    @Override
    public String etag() {
        return object.etag();
    }

    @Override
    public InputStream open() throws IOException {
        if (object.archived()) {
            // S3 would refuse the GET anyway; saying so here spares a request per archived object
            throw new S3Failure(S3Failure.Reason.ARCHIVED, object.bucket(), object.key(), object.uri() + " is archived in "
                    + object.storageClass() + ": restore it first (aws s3api restore-object) and run again", null);
        }
        return reader.open(object);
    }
}

package org.trailworkbench.s3;

import org.trailworkbench.casefile.FileRecord;
import org.trailworkbench.casefile.RebuildSources;
import org.trailworkbench.ingest.SourceFile;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Objects a case imported from S3, found by the {@code s3://bucket/key} the manifest records, and read only
 * in the version it recorded: every request carries the recorded ETag as {@code If-Match}, so an object
 * replaced since the import is refused by S3 itself and left out of the rebuild with that reason.
 */
public final class S3RebuildSources implements RebuildSources, Closeable {

    private final AwsSettings settings;
    private final Map<String, S3Client> clients = new HashMap<>();

    public S3RebuildSources(AwsSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized Found find(FileRecord record) throws IOException {
        if (record.etag() == null) {
            return Found.leftOut("imported from S3 without an ETag, so its version cannot be told: import it again");
        }
        S3Location where = S3Location.parse(record.id());
        S3Client s3 = clients.get(where.bucket());
        if (s3 == null) {
            s3 = AwsClients.s3ForBucket(settings, where.bucket());
            clients.put(where.bucket(), s3);
        }
        S3Object object = new S3Object(where.bucket(), where.prefix(), record.size(), record.etag(), null, null);
        String relative = S3Location.isS3(record.source()) ? S3Location.parse(record.source()).relative(where.prefix())
                : where.prefix();
        SourceFile file = new S3SourceFile(record.source(), object, relative,
                new S3Reader(s3, settings.profile(), settings.maxAttempts()));
        return Found.file(new RecordedVersion(file, record.etag()));
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }

    /** Says "changed since it was imported" where a plain read would say "replaced while being read". */
    private record RecordedVersion(SourceFile file, String etag) implements SourceFile {

        @Override
        public String source() {
            return file.source();
        }

        @Override
        public String id() {
            return file.id();
        }

        @Override
        public String relativePath() {
            return file.relativePath();
        }

        @Override
        public long size() {
            return file.size();
        }

        @Override
        public String etag() {
            return etag;
        }

        @Override
        public InputStream open() throws IOException {
            try {
                return file.open();
            } catch (S3Failure e) {
                if (e.reason() != S3Failure.Reason.CHANGED) {
                    throw e;
                }
                throw new S3Failure(e.reason(), e.bucket(), e.key(), id() + " changed since it was imported (its ETag is"
                        + " no longer " + etag + "): import it again to read its new bytes", e);
            }
        }
    }
}

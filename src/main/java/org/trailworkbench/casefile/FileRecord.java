package org.trailworkbench.casefile;

import org.trailworkbench.ingest.FileKind;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One line of the manifest: a file that was imported, what it held and what became of it.
 *
 * @param source     what the user imported (a folder, a bucket/prefix)
 * @param id         the file's unique id: absolute path or s3://bucket/key
 * @param size       bytes as stored
 * @param sha256     hex SHA-256 of those bytes
 * @param events     records read from the file (re-delivered copies included)
 * @param kind       what the file turned out to be
 * @param status     the outcome
 * @param reason     why it was damaged, skipped or failed; null when imported cleanly
 * @param importedAt when this import finished the file
 * @param etag       the store's version tag (S3 ETag) of the bytes read, or null for files on disk
 * @param warnings   what was kept but deserves a look (events without a usable time, repeated keys)
 */
public record FileRecord(String source, String id, long size, String sha256, long events, FileKind kind,
                         FileStatus status, String reason, Instant importedAt, String etag,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    public FileRecord {
        warnings = warnings == null ? List.of() : List.copyOf(warnings); // manifests written before had none
    }

    public FileRecord(String source, String id, long size, String sha256, long events, FileKind kind,
                      FileStatus status, String reason, Instant importedAt, String etag) {
        this(source, id, size, sha256, events, kind, status, reason, importedAt, etag, List.of());
    }

    /** A file without a store version tag, such as a file on disk. */
    public FileRecord(String source, String id, long size, String sha256, long events, FileKind kind,
                      FileStatus status, String reason, Instant importedAt) {
        this(source, id, size, sha256, events, kind, status, reason, importedAt, null);
    }
}

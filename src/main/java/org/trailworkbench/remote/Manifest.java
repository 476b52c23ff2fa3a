package org.trailworkbench.remote;

import org.trailworkbench.ingest.SourceFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a remote case holds, in the index {@code <index>-manifest}, one document a file: its id, size,
 * ETag and events. Kept in the cluster so that an import resumes from whichever machine runs it.
 */
final class Manifest {

    private final RemoteCase remote;

    Manifest(RemoteCase remote) {
        this.remote = remote;
    }

    /** Whether the file was imported whole before and has not changed since (same size and ETag). */
    boolean holds(SourceFile file) throws RemoteFailure {
        try {
            var got = remote.client().get(g -> g.index(remote.manifestIndex()).id(key(file)), Map.class);
            if (!got.found() || got.source() == null) {
                return false;
            }
            Map<?, ?> source = got.source();
            return source.get("size") instanceof Number n && n.longValue() == file.size()
                    && java.util.Objects.equals(source.get("etag"), file.etag());
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
    }

    void record(SourceFile file, long events) throws RemoteFailure {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file.id());
        doc.put("size", file.size());
        doc.put("etag", file.etag());
        doc.put("events", events);
        doc.put("importedAt", System.currentTimeMillis());
        try {
            remote.client().index(i -> i.index(remote.manifestIndex()).id(key(file)).document(doc));
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
    }

    /** How many files the manifest holds, their bytes and the events read from them; none when the index has no manifest (not imported by this tool). */
    RemoteCase.Files totals() throws RemoteFailure {
        try {
            var response = remote.client().search(s -> s.index(remote.manifestIndex()).ignoreUnavailable(true)
                    .size(0).trackTotalHits(t -> t.enabled(true))
                    .aggregations("bytes", a -> a.sum(m -> m.field("size")))
                    .aggregations("events", a -> a.sum(m -> m.field("events"))), Map.class);
            return new RemoteCase.Files(response.hits().total().value(),
                    (long) response.aggregations().get("bytes").sum().value(),
                    (long) response.aggregations().get("events").sum().value());
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
    }

    /** A file id can be any length and hold any character; its hash is a valid document id. */
    private static String key(SourceFile file) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(file.id().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

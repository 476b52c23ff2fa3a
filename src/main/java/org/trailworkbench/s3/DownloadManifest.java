package org.trailworkbench.s3;

import org.trailworkbench.files.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code download-manifest.json} at the root of a downloaded evidence folder: for every object copied, what
 * S3 said about it and the SHA-256 of the bytes written, so that the copy can be shown to match the
 * bucket later. Rewritten whole (to a temporary file, then moved over) as the download goes, so a crash
 * leaves the previous complete version.
 */
public final class DownloadManifest {

    public static final String FILE_NAME = "download-manifest.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * @param key          the object key, which is also the file's path under the folder
     * @param versionId    null when the bucket is not versioned
     * @param sha256       hex SHA-256 of the bytes written
     */
    public record Entry(String key, long size, String etag, String versionId, Instant lastModified, String sha256) {
    }

    /** The file's content. */
    public record Content(String source, Instant updated, List<Entry> objects) {
    }

    private final Path file;
    private final String source;
    private final Map<String, Entry> byKey = new TreeMap<>();

    private DownloadManifest(Path file, String source) {
        this.file = file;
        this.source = source;
    }

    public static DownloadManifest load(Path folder, String source) throws IOException {
        DownloadManifest manifest = new DownloadManifest(folder.resolve(FILE_NAME), source);
        if (Files.exists(manifest.file)) {
            Content content = JSON.readValue(manifest.file.toFile(), Content.class);
            if (content.objects() != null) {
                content.objects().forEach(e -> manifest.byKey.put(e.key(), e));
            }
        }
        return manifest;
    }

    public static Content read(Path folder) throws IOException {
        return JSON.readValue(folder.resolve(FILE_NAME).toFile(), Content.class);
    }

    public synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public synchronized void put(Entry entry) {
        byKey.put(entry.key(), entry);
    }

    public synchronized int size() {
        return byKey.size();
    }

    public synchronized void save() throws IOException {
        List<Entry> entries = new ArrayList<>(byKey.values());
        entries.sort(Comparator.comparing(Entry::key));
        AtomicFiles.write(file, JSON.writeValueAsBytes(new Content(source, Instant.now(), entries)));
    }
}

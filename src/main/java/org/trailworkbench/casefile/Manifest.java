package org.trailworkbench.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a case has imported, one {@link FileRecord} per file id, kept as {@code manifest.jsonl}: one JSON
 * line per record, appended, the newest line for an id winning. Lines are appended (and synced) only after
 * the index commit that holds their files' events, so the manifest may lag the index after a crash but
 * never runs ahead of it: a file missing from it is simply read again, and the index keeps one document
 * per eventID. A line torn by a crash is ignored.
 */
public final class Manifest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Path file;
    private final Map<String, FileRecord> byId = new LinkedHashMap<>();

    private Manifest(Path file) {
        this.file = file;
    }

    public static Manifest load(Path file) throws IOException {
        Manifest manifest = new Manifest(file);
        if (Files.exists(file)) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        FileRecord record = JSON.readValue(line, FileRecord.class);
                        manifest.byId.put(record.id(), record);
                    } catch (IOException torn) {
                        // the last line of a crashed append; its file will simply be read again
                    }
                }
            }
        }
        return manifest;
    }

    public Path path() {
        return file;
    }

    public synchronized Optional<FileRecord> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized List<FileRecord> files() {
        return List.copyOf(byId.values());
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Appends records durably, replacing earlier records of the same ids. */
    public synchronized void putAll(Collection<FileRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (FileRecord record : records) {
            text.append(JSON.writeValueAsString(record)).append('\n');
        }
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(false);
        }
        for (FileRecord record : records) {
            byId.put(record.id(), record);
        }
    }
}

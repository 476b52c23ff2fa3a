package org.trailworkbench.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reading back what the generator wrote, with nothing from the generator itself. */
final class GeneratedFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedFiles() {
    }

    /** Every regular file under root, as '/'-separated keys relative to root, sorted. */
    static List<String> keys(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> keys(Path root, String kindFolder) {
        return keys(root).stream().filter(key -> key.contains("/" + kindFolder + "/") && key.endsWith(".json.gz"))
                .toList();
    }

    static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readGz(Path file) {
        try {
            return JSON.readTree(gunzip(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> records(Path root, List<String> keys) {
        List<JsonNode> records = new ArrayList<>();
        for (String key : keys) {
            readGz(root.resolve(key)).get("Records").forEach(records::add);
        }
        return records;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Bytes the files take on a file system with 4 KiB blocks (what du reports), folders included. */
    static long diskUsage(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.mapToLong(path -> {
                try {
                    long size = Files.isDirectory(path) ? 4096 : Files.size(path);
                    return (size + 4095) / 4096 * 4096;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long apparentSize(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.trailworkbench.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the values at a fixed list of dotted JSON paths ({@code eventName}, {@code userIdentity.arn},
 * {@code resources.ARN}) out of one record, in a single streaming pass that skips every subtree no path
 * reaches into. Paths follow the index's rules: array elements share their parent's path, so
 * {@code resources.ARN} collects the ARN of every resource. A cell joins its values with {@code ;};
 * an object (or an array of them) at the path is written as compact JSON; JSON null and missing paths
 * give an empty cell. Immutable and thread-safe.
 */
public final class JsonPaths {

    /** Separates the values of one cell when a path meets an array. */
    public static final String SEPARATOR = ";";

    private static final JsonFactory FACTORY = new JsonFactory();

    private final List<String> paths;
    private final Map<String, int[]> columns = new HashMap<>();
    /** Proper prefixes of the paths: the only objects worth descending into. */
    private final Set<String> prefixes = new HashSet<>();

    private JsonPaths(List<String> paths) {
        this.paths = List.copyOf(paths);
        Map<String, List<Integer>> byPath = new HashMap<>();
        for (int i = 0; i < this.paths.size(); i++) {
            String path = this.paths.get(i);
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(i);
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                prefixes.add(path.substring(0, dot));
            }
        }
        byPath.forEach((path, cols) -> columns.put(path, cols.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * @param paths dotted paths, one per cell; the same path may appear twice
     * @throws IllegalArgumentException for a blank path or one with an empty segment ({@code a..b})
     */
    public static JsonPaths of(List<String> paths) {
        List<String> clean = new ArrayList<>(paths.size());
        for (String path : paths) {
            String p = path == null ? "" : path.strip();
            if (p.isEmpty() || p.startsWith(".") || p.endsWith(".") || p.contains("..")) {
                throw new IllegalArgumentException("not a field path: '" + (path == null ? "" : path)
                        + "' (expected names joined by dots, like userIdentity.arn)");
            }
            clean.add(p);
        }
        return new JsonPaths(clean);
    }

    public static JsonPaths of(String... paths) {
        return of(List.of(paths));
    }

    /** The value of one path in one record: a convenience for a single lookup. */
    public static String get(String json, String path) throws IOException {
        return of(path).extract(json)[0];
    }

    public List<String> paths() {
        return paths;
    }

    /** One cell per path, in order; empty strings where the record has nothing. */
    public String[] extract(String json) throws IOException {
        Cells cells = new Cells(paths.size());
        if (json != null) {
            try (JsonParser parser = FACTORY.createParser(json)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    readObject(parser, null, cells);
                }
            }
        }
        return cells.finish();
    }

    private void readObject(JsonParser parser, String parent, Cells cells) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String path = parent == null ? name : parent + '.' + name;
            readValue(parser, parser.nextToken(), path, cells);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("the record's JSON ends inside an object");
        }
    }

    private void readValue(JsonParser parser, JsonToken token, String path, Cells cells) throws IOException {
        int[] targets = columns.get(path);
        boolean descend = prefixes.contains(path);
        switch (token) {
            case START_ARRAY -> {
                if (targets == null && !descend) {
                    parser.skipChildren();
                    return;
                }
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (element == null) {
                        throw new IOException("the record's JSON ends inside an array");
                    }
                    readValue(parser, element, path, cells);
                }
            }
            case START_OBJECT -> {
                if (targets == null) {
                    if (descend) {
                        readObject(parser, path, cells);
                    } else {
                        parser.skipChildren();
                    }
                    return;
                }
                String compact = copyObject(parser);
                cells.add(targets, compact);
                if (descend) {
                    // both "a" and "a.b" were asked for: read the copy again for the deeper paths
                    try (JsonParser again = FACTORY.createParser(compact)) {
                        again.nextToken();
                        readObject(again, path, cells);
                    }
                }
            }
            case VALUE_NULL -> {
                // JSON null reads as "no value", as in the index
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                if (targets != null) {
                    cells.add(targets, parser.getText());
                }
            }
            default -> throw new IOException("unexpected JSON token " + token + " at " + path);
        }
    }

    private static String copyObject(JsonParser parser) throws IOException {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.copyCurrentStructure(parser);
        }
        return text.toString();
    }

    /** Accumulates the values of each cell, joined as they arrive. */
    private static final class Cells {
        private final StringBuilder[] builders;

        Cells(int size) {
            builders = new StringBuilder[size];
        }

        void add(int[] targets, String value) {
            for (int i : targets) {
                if (builders[i] == null) {
                    builders[i] = new StringBuilder(value);
                } else {
                    builders[i].append(SEPARATOR).append(value);
                }
            }
        }

        String[] finish() {
            String[] cells = new String[builders.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = builders[i] == null ? "" : builders[i].toString();
            }
            return cells;
        }
    }
}

package org.trailworkbench.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one JSON object token by token, copying it to a compact buffer and flattening its leaves to dotted
 * paths in the same pass. The top-level scalars are kept so the reader can decide afterwards what the item
 * was (an event, an Event history row, an export envelope, a digest). Reused from item to item by
 * {@link #reset()}: creating a JSON generator per record was a measurable share of import time.
 */
final class RecordBuilder {

    /** Top-level fields the reader looks at to classify an item. */
    final Map<String, String> topLevel = new HashMap<>();
    List<ParsedEvent.Leaf> leaves;
    List<String> objectPaths;
    /** The path of the first key this record repeats within one object, or null. */
    String firstDuplicate;
    /** Keys seen in each object being copied, by depth; reused, since a set per object costs import time. */
    private final List<Set<String>> keysByDepth = new ArrayList<>();
    private int depth;
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);
    private final JsonGenerator out;
    private final PathCache paths;

    RecordBuilder(JsonFactory factory, PathCache paths) throws IOException {
        this.out = factory.createGenerator(buffer);
        this.out.setRootValueSeparator(null);
        this.paths = paths;
        reset();
    }

    /** Ready for the next item. The lists are new because the previous event owns the old ones. */
    void reset() throws IOException {
        out.flush();
        buffer.reset();
        topLevel.clear();
        firstDuplicate = null;
        depth = 0;
        leaves = new ArrayList<>(64);
        objectPaths = new ArrayList<>(16);
    }

    /**
     * Copies the object the parser is on (current token START_OBJECT) up to its END_OBJECT.
     * {@code nested} gets a chance at each top-level field first: the reader uses it to stream a
     * {@code Records} array without copying it; it returns true when it consumed the value.
     */
    void copyObject(JsonParser parser, TopLevelHook nested) throws IOException {
        out.writeStartObject();
        Set<String> keys = enterObject();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (nested != null && nested.consume(name, value, parser)) {
                continue;
            }
            if (!keys.add(name)) {
                skipDuplicate(parser, name);
                continue;
            }
            out.writeFieldName(name);
            if (value.isScalarValue()) {
                topLevel.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            copyValue(parser, value, name);
        }
        expectEnd(token, JsonToken.END_OBJECT, parser);
        depth--;
        out.writeEndObject();
    }

    byte[] json() throws IOException {
        out.flush();
        return buffer.toByteArray();
    }

    private void copyValue(JsonParser parser, JsonToken token, String path) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                objectPaths.add(path);
                out.writeStartObject();
                Set<String> keys = enterObject();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!keys.add(name)) {
                        skipDuplicate(parser, paths.child(path, name));
                        continue;
                    }
                    out.writeFieldName(name);
                    copyValue(parser, value, paths.child(path, name));
                }
                expectEnd(t, JsonToken.END_OBJECT, parser);
                depth--;
                out.writeEndObject();
            }
            case START_ARRAY -> {
                objectPaths.add(path);
                out.writeStartArray();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null,
                                "unexpected end of input inside an array");
                    }
                    copyValue(parser, t, path);
                }
                out.writeEndArray();
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                out.writeString(text);
                leaves.add(new ParsedEvent.Leaf(path, text));
                checkSize(parser);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                out.writeNumber(text);
                leaves.add(new ParsedEvent.Leaf(path, text));
                checkSize(parser);
            }
            case VALUE_TRUE -> {
                out.writeBoolean(true);
                leaves.add(new ParsedEvent.Leaf(path, "true"));
            }
            case VALUE_FALSE -> {
                out.writeBoolean(false);
                leaves.add(new ParsedEvent.Leaf(path, "false"));
            }
            case VALUE_NULL -> out.writeNull();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + token);
        }
    }

    private Set<String> enterObject() {
        if (keysByDepth.size() == depth) {
            keysByDepth.add(new HashSet<>());
        }
        Set<String> keys = keysByDepth.get(depth++);
        keys.clear();
        return keys;
    }

    /**
     * A key repeated in one object keeps its first value, everywhere: the stored JSON, search, facets and
     * export all see one value. Parsers disagree on which one wins (most keep the last); the first is the one
     * a streaming copy can keep, and the import warns so that nobody relies on it silently.
     */
    private void skipDuplicate(JsonParser parser, String path) throws IOException {
        parser.skipChildren();
        if (firstDuplicate == null) {
            firstDuplicate = path;
        }
    }

    /** A record is copied whole before it is indexed: past the limits it would only exhaust the heap. */
    private void checkSize(JsonParser parser) throws StreamConstraintsException {
        if (leaves.size() + objectPaths.size() > RecordLimits.MAX_RECORD_VALUES) {
            throw new StreamConstraintsException(RecordLimits.tooManyValues(), parser.currentLocation());
        }
        if (buffer.size() > RecordLimits.MAX_RECORD_BYTES) {
            throw new StreamConstraintsException(RecordLimits.tooLarge(), parser.currentLocation());
        }
    }

    private static void expectEnd(JsonToken actual, JsonToken expected, JsonParser parser) throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, actual,
                    "unexpected end of input inside an object");
        }
    }

    /** Lets the reader take over a top-level field's value (the {@code Records} array of a log file). */
    @FunctionalInterface
    interface TopLevelHook {
        boolean consume(String name, JsonToken value, JsonParser parser) throws IOException;
    }
}

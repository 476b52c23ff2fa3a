package org.trailworkbench.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams CloudTrail records out of one file, whatever container they come in: a native log file
 * ({@code {"Records":[...]}}, plain or gzip, one or several gzip members), a single event, a JSON array of
 * events, JSON Lines, Event history output (the event as a JSON string in {@code CloudTrailEvent}), or a
 * log-shipper envelope holding a whole log file as a string in {@code _raw}.
 *
 * <p>Only one record is ever held in memory, and {@link RecordLimits} caps its size, so that what an import
 * needs grows with its workers, not with its files. When a file is damaged the records read before the damage
 * have already reached the sink; the result says where and why reading stopped.
 */
public final class CloudTrailReader {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final String INSIGHT_EVENT_TYPE = "AwsCloudTrailInsight";
    /** The query that finds events whose time could not be read: they have no point in the time field. */
    public static final String UNTIMED_QUERY = "NOT eventTime:[* TO *]";

    private final JsonFactory factory;
    private final PathCache paths = new PathCache();
    /** Builders for items and the wrappers around them (a log file inside an envelope nests two deep). */
    private final java.util.ArrayDeque<RecordBuilder> idleBuilders = new java.util.ArrayDeque<>();

    /** Not thread-safe (it interns paths): one reader per worker thread. */
    public CloudTrailReader() {
        this.factory = JsonFactory.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the caller hashes the rest of the bytes
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // emoji are written as UTF-8, not as escapes
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(RecordLimits.MAX_RECORD_BYTES)
                        .maxNestingDepth(2_000)
                        .build())
                .build();
    }

    /** Reads {@code raw} (the file's bytes as stored) to the end or to the first damage. */
    public ReadResult read(InputStream raw, EventSink sink) throws IOException {
        var state = new State(sink);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            InputStream content = isGzip(in) ? new GZIPInputStream(in, 1 << 16) : in;
            try (JsonParser parser = factory.createParser(content)) {
                readRoots(parser, state);
            }
        } catch (SinkException e) {
            throw e.getCause();
        } catch (JsonProcessingException e) {
            state.damage = describe(e, state);
        } catch (ZipException e) {
            state.damage = "corrupt gzip data (" + e.getMessage() + ")";
        } catch (EOFException e) {
            state.damage = "truncated gzip: the file ends before its compressed data does";
        }
        return state.result();
    }

    private void readRoots(JsonParser parser, State state) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            state.sawJson = true;
            switch (token) {
                case START_OBJECT -> readItem(parser, state);
                case START_ARRAY -> readArray(parser, state);
                default -> state.skipped++;
            }
        }
    }

    private void readArray(JsonParser parser, State state) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "unexpected end of input inside an array");
            }
            if (token == JsonToken.START_OBJECT) {
                readItem(parser, state);
            } else {
                parser.skipChildren();
                state.skipped++;
            }
        }
    }

    /**
     * Reads one object. An object holding a {@code Records} array (a log file, or a log file inside a
     * shipper's {@code _raw} envelope) has its records streamed one by one instead of being copied.
     */
    private void readItem(JsonParser parser, State state) throws IOException {
        RecordBuilder builder = idleBuilders.isEmpty() ? new RecordBuilder(factory, paths) : idleBuilders.pop();
        readItem(parser, state, builder);
        // only a builder that finished its object goes back: one interrupted by damage is mid-structure
        builder.reset();
        idleBuilders.push(builder);
    }

    private void readItem(JsonParser parser, State state, RecordBuilder builder) throws IOException {
        boolean[] wrapper = {false};
        builder.copyObject(parser, (name, value, p) -> {
            if (name.equals("Records") && value == JsonToken.START_ARRAY) {
                wrapper[0] = true;
                readArray(p, state);
                return true;
            }
            if (name.equals("_raw") && value == JsonToken.START_OBJECT) {
                wrapper[0] = true;
                readItem(p, state);
                return true;
            }
            return false;
        });
        if (!wrapper[0]) {
            classify(builder, state);
        }
    }

    private void classify(RecordBuilder item, State state) throws IOException {
        var top = item.topLevel;
        if (top.containsKey("digestStartTime") && top.containsKey("awsAccountId")) {
            state.digest = true;
            return;
        }
        String embedded = top.get("CloudTrailEvent");
        if (embedded != null) {
            readEmbedded(embedded, state, false);
            return;
        }
        String shipped = top.get("_raw");
        if (shipped != null && !looksLikeEvent(top)) {
            readEmbedded(shipped, state, true);
            return;
        }
        if (!looksLikeEvent(top)) {
            state.skipped++;
            return;
        }
        emit(item, state);
    }

    /** Event history nests the event as a JSON string; shippers nest whole log files the same way. */
    private void readEmbedded(String json, State state, boolean anyShape) throws IOException {
        try (JsonParser inner = factory.createParser(json)) {
            if (anyShape) {
                readRoots(inner, state);
            } else if (inner.nextToken() == JsonToken.START_OBJECT) {
                readItem(inner, state);
            } else {
                state.skipped++;
            }
        }
    }

    private static boolean looksLikeEvent(java.util.Map<String, String> top) {
        return top.get("eventName") != null || top.get("eventSource") != null
                || (top.get("eventID") != null && top.get("eventTime") != null);
    }

    private void emit(RecordBuilder item, State state) throws IOException {
        var top = item.topLevel;
        byte[] json = item.json();
        String time = firstNonNull(top.get("eventTime"), top.get("@timestamp"), top.get("EventTime"));
        String id = top.get("eventID");
        if (id == null || id.isBlank()) {
            id = contentId(json);
        }
        if (INSIGHT_EVENT_TYPE.equals(top.get("eventType"))) {
            state.insights = true;
        }
        var event = new ParsedEvent(json, id, Timestamps.parseMillis(time), item.leaves, item.objectPaths);
        if (!event.hasTime()) {
            state.untimed++;
        }
        if (item.firstDuplicate != null) {
            state.repeatedKeys++;
            state.repeatedExamples.add(item.firstDuplicate);
        }
        try {
            state.sink.accept(event);
        } catch (IOException e) {
            throw new SinkException(e);
        }
        state.events++;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Exports that dropped eventID still need a stable identity, so re-imports stay idempotent. */
    static String contentId(byte[] json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
    }

    private static String describe(JsonProcessingException e, State state) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof StreamConstraintsException) {
            return RecordLimits.describe(e.getOriginalMessage()) + where + "; the rest of the file was not read";
        }
        if (!state.sawJson) {
            return "not JSON" + where + ": " + e.getOriginalMessage();
        }
        if (e instanceof JsonEOFException) {
            return "truncated JSON" + where + ": the file ends inside a record";
        }
        return "malformed JSON" + where + ": " + e.getOriginalMessage();
    }

    /** An I/O failure of the sink (the index), which must not be mistaken for a damaged file. */
    private static final class SinkException extends RuntimeException {
        SinkException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static final class State {
        final EventSink sink;
        long events;
        long skipped;
        boolean sawJson;
        boolean digest;
        boolean insights;
        String damage;
        long untimed;
        long repeatedKeys;
        /** A few paths of repeated keys, for the warning; a set so one bad key does not fill it. */
        final java.util.Set<String> repeatedExamples = new java.util.LinkedHashSet<>() {
            @Override
            public boolean add(String path) {
                return size() < 3 && super.add(path);
            }
        };

        State(EventSink sink) {
            this.sink = sink;
        }

        ReadResult result() {
            FileKind kind;
            if (digest && events == 0) {
                kind = FileKind.DIGEST;
            } else if (insights) {
                kind = FileKind.INSIGHTS;
            } else if (events > 0) {
                kind = FileKind.EVENTS;
            } else if (!sawJson && damage == null) {
                kind = FileKind.EMPTY;
            } else {
                kind = FileKind.NOT_CLOUDTRAIL;
            }
            return new ReadResult(kind, events, skipped, damage, warnings());
        }

        private java.util.List<String> warnings() {
            java.util.List<String> warnings = new java.util.ArrayList<>();
            if (untimed > 0) {
                warnings.add(untimed + (untimed == 1 ? " event has" : " events have") + " no parseable eventTime: kept, "
                        + "outside every time range; find them with: " + UNTIMED_QUERY);
            }
            if (repeatedKeys > 0) {
                warnings.add(repeatedKeys + (repeatedKeys == 1 ? " record repeats" : " records repeat")
                        + " a key within one object (" + String.join(", ", repeatedExamples) + "): the first value is kept");
            }
            return warnings;
        }
    }
}

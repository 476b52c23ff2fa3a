package org.trailworkbench.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable report: the scope, the keys, the counts per verdict, the evidence hash and every
 * file with its verdict, the reason and the digest that covers it. Written as a stream, item by item.
 */
public final class JsonReport {
    /** The caller owns the writer: it may be stdout. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonReport() {
    }

    /** Writes the report and flushes; does not close {@code out}. */
    public static void write(VerificationReport r, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("source", r.source());
            g.writeObjectFieldStart("scope");
            g.writeArrayFieldStart("accounts");
            for (String a : r.scope().accounts().stream().sorted().toList()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("regions");
            for (String region : r.scope().regions().stream().sorted().toList()) {
                g.writeString(region);
            }
            g.writeEndArray();
            time(g, "from", r.scope().from());
            time(g, "to", r.scope().to());
            g.writeEndObject();
            time(g, "started", r.started());
            g.writeNumberField("elapsedMillis", r.elapsed().toMillis());
            g.writeBooleanField("cancelled", r.cancelled());
            g.writeBooleanField("allValid", r.allValid());
            time(g, "coveredFrom", r.coveredFrom());
            time(g, "coveredTo", r.coveredTo());
            g.writeArrayFieldStart("publicKeyFingerprints");
            for (String f : r.fingerprints()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeStringField("publicKeysProblem", r.keysProblem());
            g.writeStringField("evidenceSha256", r.evidenceSha256());
            g.writeObjectFieldStart("summary");
            Map<String, Long> counts = new TreeMap<>();
            r.counts().forEach((v, n) -> counts.put(v.name(), n));
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("items");
            for (VerificationItem item : r.items()) {
                writeItem(g, item);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void writeItem(JsonGenerator g, VerificationItem item) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", item.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("key", item.key());
        g.writeStringField("location", item.location());
        g.writeStringField("verdict", item.verdict().name());
        g.writeStringField("words", item.verdict().words());
        g.writeStringField("category", item.verdict().category().name());
        g.writeStringField("reason", item.reason());
        g.writeStringField("coveringDigest", item.coveringDigest());
        g.writeStringField("sha256", item.fileSha256());
        if (item.present()) {
            g.writeNumberField("size", item.size());
        } else {
            g.writeNullField("size");
        }
        g.writeEndObject();
    }

    private static void time(JsonGenerator g, String field, Instant value) throws IOException {
        g.writeStringField(field, value == null ? null : value.toString());
    }
}

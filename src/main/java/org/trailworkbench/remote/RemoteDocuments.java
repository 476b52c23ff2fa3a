package org.trailworkbench.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.trailworkbench.index.Analyzers;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.Keywords;
import org.trailworkbench.ingest.ParsedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed record as the document of a remote case ({@link Schema}). The terms are the local index's own:
 * keyword terms from {@link Keywords#term}, free-text words from {@link Analyzers#freeText()}, the same rule
 * for which values are plain words; the query side relies on it.
 */
final class RemoteDocuments {

    /** As the local index: doc values cap a facet label; the rest of a longer value is not a facet value. */
    private static final int MAX_FACET_CHARS = 4096;
    private static final Analyzer FREE_TEXT = Analyzers.freeText();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteDocuments() {
    }

    static Map<String, Object> of(ParsedEvent event, String fileId) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Schema.ID, event.eventId());
        if (event.hasTime()) {
            doc.put(Schema.TIME, event.eventTime());
        }
        if (fileId != null) {
            doc.put(Schema.FILE, fileId);
        }
        String record = new String(event.json(), StandardCharsets.UTF_8);
        doc.put(Schema.RECORD, record);
        List<String> kv = new ArrayList<>(event.leaves().size());
        Set<String> words = new LinkedHashSet<>();
        List<String> text = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        Map<String, List<String>> facets = new LinkedHashMap<>();
        for (ParsedEvent.Leaf leaf : event.leaves()) {
            paths.add(leaf.path());
            kv.add(Schema.pv(leaf.path(), leaf.value()));
            String folded = Keywords.fold(leaf.value());
            if (Keywords.isWord(folded)) {
                words.add(folded);
            } else {
                String joined = words(leaf.value());
                if (!joined.isEmpty()) {
                    text.add(joined);
                }
            }
            if (Fields.isFacet(leaf.path())) {
                String value = leaf.value();
                String label = value.length() > MAX_FACET_CHARS ? value.substring(0, MAX_FACET_CHARS) : value;
                facets.computeIfAbsent(Schema.facet(leaf.path()), k -> new ArrayList<>()).add(label);
            }
        }
        paths.addAll(event.objectPaths());
        doc.put(Schema.PV, kv);
        doc.put(Schema.WORDS, List.copyOf(words));
        doc.put(Schema.TEXT, text);
        doc.put(Schema.PATHS, List.copyOf(paths));
        doc.putAll(facets);
        try {
            doc.put(Schema.EVENT, JSON.readValue(event.json(), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed record is not JSON: " + e.getMessage(), e);
        }
        return doc;
    }

    /** The free-text words of a value, lowercased, joined by single spaces (the index splits on spaces). */
    static String words(String value) {
        StringBuilder out = new StringBuilder(value.length());
        try (TokenStream stream = FREE_TEXT.tokenStream(Fields.ALL, value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader never fails
        }
        return out.toString();
    }
}

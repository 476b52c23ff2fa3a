package org.trailworkbench.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.trailworkbench.ingest.ParsedEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed record into its Lucene document, following {@link Fields}. One per indexing thread: it
 * keeps the shape terms it has built, since the same few shapes recur in millions of records, and it reuses
 * its token streams from record to record, so a document must be indexed before the next one is built.
 */
public final class EventDocuments {

    /** Doc values cap a value at 32766 bytes; facet labels never need that much. */
    private static final int MAX_FACET_CHARS = 4096;
    private static final int MAX_CACHED_SHAPES = 10_000;

    /** Exact terms, no scoring data: what StringField indexes, for a whole list of terms at once. */
    private static final FieldType TERMS = new FieldType();

    static {
        TERMS.setIndexOptions(IndexOptions.DOCS);
        TERMS.setTokenized(true);
        TERMS.setOmitNorms(true);
        TERMS.freeze();
    }

    private final Map<List<String>, List<BytesRef>> shapes = new HashMap<>();
    private final Map<String, byte[]> pathBytes = new HashMap<>();
    /** The keyword terms of the record being built, end to end; the document is indexed before the next. */
    private final TermBuffer keywords = new TermBuffer();
    private final RepeatedValues repeated = new RepeatedValues();
    /*
     * A token stream costs a map of its attributes to create: with four per record that was a third of the
     * time spent building documents. Lucene, too, reuses an analyzer's streams from document to document.
     */
    private final BytesListStream keywordStream = new BytesListStream();
    private final BytesListStream repeatedStream = new BytesListStream();
    private final BytesListStream shapeStream = new BytesListStream();
    private final FreeTextStream textStream = new FreeTextStream(List.of());
    /** The events of one file come one after another: its id is encoded once for all of them. */
    private String lastFileId;
    private BytesRef lastFileIdBytes;

    /**
     * @param dedupeByKeyword the event's eventID is its own leaf, so its keyword term identifies it and it
     *                        needs no separate {@link Fields#ID} term (see {@link EventIndex.Writer})
     */
    Document build(ParsedEvent event, String fileId, boolean dedupeByKeyword) {
        Document doc = new Document();
        if (!dedupeByKeyword) {
            doc.add(new StringField(Fields.ID, event.eventId(), Field.Store.NO));
        }
        if (event.hasTime()) {
            doc.add(new LongPoint(Fields.TIME, event.eventTime()));
            doc.add(new NumericDocValuesField(Fields.TIME, event.eventTime()));
        }
        doc.add(new StoredField(Fields.SOURCE, new BytesRef(event.json())));
        if (fileId != null) {
            doc.add(new StringField(Fields.FILE, fileId, Field.Store.YES));
            doc.add(new SortedDocValuesField(Fields.FILE, fileIdBytes(fileId)));
        }

        List<ParsedEvent.Leaf> leaves = event.leaves();
        List<String> text = new ArrayList<>();
        List<String> paths = new ArrayList<>(leaves.size() + event.objectPaths().size());
        keywords.clear();
        for (ParsedEvent.Leaf leaf : leaves) {
            String path = leaf.path();
            String value = leaf.value();
            paths.add(path);
            boolean word = keywords.add(value, pathBytes(path));
            BytesRef term = keywords.lastIfWhole();
            if (term != null && !path.equals(EventIndex.ID_LEAF) && repeated.sighted(term)) {
                keywords.markLastRepeated(); // its words are found through RepeatedWords
            } else if (!word) {
                text.add(value); // a plain word is found through its keyword term; see Keywords
            }
            if (Fields.isFacet(path)) {
                String label = value.length() > MAX_FACET_CHARS ? value.substring(0, MAX_FACET_CHARS) : value;
                doc.add(new SortedSetDocValuesField(path, new BytesRef(label)));
            }
        }
        paths.addAll(event.objectPaths());
        doc.add(new Field(Fields.KEYWORDS, keywordStream.of(keywords.terms(false)), TERMS));
        List<BytesRef> repeatedTerms = keywords.terms(true);
        if (!repeatedTerms.isEmpty()) {
            doc.add(new Field(Fields.REPEATED, repeatedStream.of(repeatedTerms), TERMS));
        }
        doc.add(new Field(Fields.SHAPE, shapeStream.of(shape(paths)), TERMS));
        if (!text.isEmpty()) {
            doc.add(new Field(Fields.ALL, textStream.of(text), TextField.TYPE_NOT_STORED));
        }
        return doc;
    }

    /** Doc values copy the bytes as the document is added, so one BytesRef can serve every event of a file. */
    private BytesRef fileIdBytes(String fileId) {
        if (!fileId.equals(lastFileId)) {
            lastFileId = fileId;
            lastFileIdBytes = new BytesRef(fileId);
        }
        return lastFileIdBytes;
    }

    private byte[] pathBytes(String path) {
        byte[] bytes = pathBytes.get(path);
        if (bytes == null) {
            if (pathBytes.size() >= MAX_CACHED_SHAPES) {
                pathBytes.clear();
            }
            bytes = path.getBytes(StandardCharsets.UTF_8);
            pathBytes.put(path, bytes);
        }
        return bytes;
    }

    /** @param paths the record's paths in document order, repeated where arrays repeat them */
    private List<BytesRef> shape(List<String> paths) {
        List<BytesRef> terms = shapes.get(paths);
        if (terms == null) {
            if (shapes.size() >= MAX_CACHED_SHAPES) {
                shapes.clear(); // a trail of endlessly varied records: stay bounded, lose only speed
            }
            terms = Shapes.terms(new LinkedHashSet<>(paths));
            shapes.put(paths, terms);
        }
        return terms;
    }

    public static String sourceOf(Document stored) {
        BytesRef bytes = stored.getBinaryValue(Fields.SOURCE);
        return bytes == null ? null : new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }

    /**
     * Hands ready-made terms to Lucene as one field value: indexing forty keyword terms through one field
     * instead of forty {@code StringField}s halves the per-field overhead of the indexing chain.
     */
    private static final class BytesListStream extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private List<BytesRef> terms = List.of();
        private int next;

        /** This stream, now over {@code terms}. */
        BytesListStream of(List<BytesRef> terms) {
            this.terms = terms;
            return this;
        }

        @Override
        public boolean incrementToken() {
            if (next == terms.size()) {
                return false;
            }
            clearAttributes();
            term.setBytesRef(terms.get(next++));
            return true;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = 0;
        }
    }
}

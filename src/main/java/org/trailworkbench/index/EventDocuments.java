package org.trailworkbench.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.trailworkbench.ingest.ParsedEvent;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Turns a parsed record into its Lucene document, following {@link Fields}. */
public final class EventDocuments {

    /** Doc values cap a value at 32766 bytes; facet labels never need that much. */
    private static final int MAX_FACET_CHARS = 4096;

    /** Exact terms, no scoring data: what StringField indexes, for a whole list of terms at once. */
    private static final FieldType TERMS = new FieldType();

    static {
        TERMS.setIndexOptions(IndexOptions.DOCS);
        TERMS.setTokenized(true);
        TERMS.setOmitNorms(true);
        TERMS.freeze();
    }

    private EventDocuments() {
    }

    public static Document build(ParsedEvent event, String fileId) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, event.eventId(), Field.Store.NO));
        if (event.hasTime()) {
            doc.add(new LongPoint(Fields.TIME, event.eventTime()));
            doc.add(new NumericDocValuesField(Fields.TIME, event.eventTime()));
        }
        doc.add(new StoredField(Fields.SOURCE, new BytesRef(event.json())));
        if (fileId != null) {
            doc.add(new StringField(Fields.FILE, fileId, Field.Store.YES));
            doc.add(new SortedDocValuesField(Fields.FILE, new BytesRef(fileId)));
        }

        Set<String> exists = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        Set<String> facetValues = new HashSet<>();
        java.util.List<String> text = new java.util.ArrayList<>(event.leaves().size());
        for (ParsedEvent.Leaf leaf : event.leaves()) {
            String path = leaf.path();
            String value = leaf.value();
            exists.add(path);
            if (keywords.add(Fields.keyword(path, value))) {
                text.add(value);
            }
            if (Fields.isFacet(path)) {
                String label = value.length() > MAX_FACET_CHARS ? value.substring(0, MAX_FACET_CHARS) : value;
                if (facetValues.add(path + '\u0000' + label)) {
                    doc.add(new SortedSetDocValuesField(path, new BytesRef(label)));
                }
            }
        }
        exists.addAll(event.objectPaths());
        doc.add(new Field(Fields.KEYWORDS, new TermListStream(keywords), TERMS));
        doc.add(new Field(Fields.EXISTS, new TermListStream(exists), TERMS));
        doc.add(new Field(Fields.ALL, new FreeTextStream(text), TextField.TYPE_NOT_STORED));
        return doc;
    }

    public static String sourceOf(Document stored) {
        BytesRef bytes = stored.getBinaryValue(Fields.SOURCE);
        return bytes == null ? null : new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }
}

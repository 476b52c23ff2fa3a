package org.trailworkbench.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
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
        StringBuilder text = new StringBuilder(event.json().length);
        for (ParsedEvent.Leaf leaf : event.leaves()) {
            String path = leaf.path();
            String value = leaf.value();
            exists.add(path);
            if (keywords.add(Fields.keyword(path, value))) {
                text.append(value).append('\n');
            }
            if (Fields.isFacet(path)) {
                String label = value.length() > MAX_FACET_CHARS ? value.substring(0, MAX_FACET_CHARS) : value;
                if (facetValues.add(path + '\u0000' + label)) {
                    doc.add(new SortedSetDocValuesField(path, new BytesRef(label)));
                }
            }
        }
        exists.addAll(event.objectPaths());
        for (String term : keywords) {
            doc.add(new StringField(Fields.KEYWORDS, term, Field.Store.NO));
        }
        for (String path : exists) {
            doc.add(new StringField(Fields.EXISTS, path, Field.Store.NO));
        }
        doc.add(new TextField(Fields.ALL, text.toString(), Field.Store.NO));
        return doc;
    }

    public static String sourceOf(Document stored) {
        BytesRef bytes = stored.getBinaryValue(Fields.SOURCE);
        return bytes == null ? null : new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }
}

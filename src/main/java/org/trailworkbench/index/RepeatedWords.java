package org.trailworkbench.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The free text of one segment's repeated values ({@link Fields#REPEATED}): a small in-memory index with one
 * document per distinct term, its value cut into words exactly as {@link Fields#ALL} would cut it. A
 * free-text query runs on it unchanged (a word, a phrase, a wildcard, a fuzzy word) and names the repeated
 * values it matches; their postings are the events. A segment holds a few thousand such values however many
 * events repeat them, so this is built in milliseconds on first use and kept while the segment lives.
 */
final class RepeatedWords {

    private static final PerSegment<RepeatedWords> CACHE = new PerSegment<>(RepeatedWords::read);
    private static final RepeatedWords NONE = new RepeatedWords(null, List.of());

    private final IndexSearcher words;
    /** The keyword term of each document of {@link #words}, by document number. */
    private final List<BytesRef> terms;

    private RepeatedWords(IndexSearcher words, List<BytesRef> terms) {
        this.words = words;
        this.terms = terms;
    }

    static RepeatedWords of(LeafReader segment) throws IOException {
        return CACHE.of(segment);
    }

    /** The terms of {@link Fields#REPEATED} whose values match {@code freeText}, a query on {@link Fields#ALL}. */
    List<BytesRef> matching(Query freeText) throws IOException {
        if (terms.isEmpty()) {
            return List.of();
        }
        List<BytesRef> found = new ArrayList<>();
        words.search(freeText, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                found.add(terms.get(base + doc));
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return found;
    }

    private static RepeatedWords read(LeafReader segment) throws IOException {
        Terms repeated = segment.terms(Fields.REPEATED);
        if (repeated == null) {
            return NONE;
        }
        List<BytesRef> terms = new ArrayList<>();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // documents numbered in the order added, never merged out of it: document n is terms[n]
        IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(256)
                .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            TermsEnum each = repeated.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                int separator = Keywords.separatorAt(term);
                String value = new String(term.bytes, term.offset, separator - term.offset, StandardCharsets.UTF_8);
                Document doc = new Document();
                doc.add(new Field(Fields.ALL, new FreeTextStream(List.of(value)), TextField.TYPE_NOT_STORED));
                writer.addDocument(doc);
                terms.add(BytesRef.deepCopyOf(term));
            }
        }
        return new RepeatedWords(new IndexSearcher(DirectoryReader.open(directory)), terms);
    }
}

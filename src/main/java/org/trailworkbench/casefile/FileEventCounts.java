package org.trailworkbench.casefile;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.trailworkbench.index.Fields;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** How many live events of the index each source file holds, from the doc values of {@link Fields#FILE}. */
final class FileEventCounts {

    private FileEventCounts() {
    }

    static Map<String, Long> of(Directory directory) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues files = leaf.reader().getSortedDocValues(Fields.FILE);
                Bits live = leaf.reader().getLiveDocs();
                long[] perOrd = new long[files == null ? 0 : files.getValueCount()];
                long withoutFile = 0;
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    if (files != null && files.docID() < doc) {
                        files.advance(doc);
                    }
                    if (files != null && files.docID() == doc) {
                        perOrd[files.ordValue()]++;
                    } else {
                        withoutFile++;
                    }
                }
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        counts.merge(files.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
                    }
                }
                if (withoutFile > 0) {
                    counts.merge("", withoutFile, Long::sum);
                }
            }
        }
        return counts;
    }
}

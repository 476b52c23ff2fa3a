package org.trailworkbench.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

import java.io.IOException;
import java.util.List;

/**
 * For each facet dimension, the map from every segment's value ordinals to one numbering over the whole
 * index, in value order. Facet counting then adds up numbers per segment and turns only the top values into
 * text, instead of turning every distinct value of every segment into a string on every search, which is
 * what made wide dimensions (source IPs, user agents, ARNs) dominate a search over a million events.
 * Built once per point-in-time view of the index (the segments are immutable) and shared by its searches.
 */
final class GlobalOrdinals {

    private final IndexReader.CacheKey key;
    private final List<LeafReaderContext> leaves;
    private final List<String> dims;
    private final OrdinalMap[] maps;

    private GlobalOrdinals(IndexReader reader, List<String> dims) throws IOException {
        this.key = reader.getReaderCacheHelper().getKey();
        this.leaves = reader.leaves();
        this.dims = dims;
        this.maps = new OrdinalMap[dims.size()];
        for (int d = 0; d < dims.size(); d++) {
            SortedSetDocValues[] perSegment = new SortedSetDocValues[leaves.size()];
            for (int s = 0; s < leaves.size(); s++) {
                perSegment[s] = DocValues.getSortedSet(leaves.get(s).reader(), dims.get(d));
            }
            maps[d] = OrdinalMap.build(key, perSegment, PackedInts.DEFAULT);
        }
    }

    /** The ordinals of this reader, reusing {@code previous} when it was built for the same reader. */
    static GlobalOrdinals of(IndexReader reader, List<String> dims, GlobalOrdinals previous) throws IOException {
        if (previous != null && previous.key == reader.getReaderCacheHelper().getKey() && previous.dims.equals(dims)) {
            return previous;
        }
        return new GlobalOrdinals(reader, dims);
    }

    int valueCount(int dim) {
        return Math.toIntExact(maps[dim].getValueCount());
    }

    /** Segment ordinal to global ordinal, for the segment at {@code leafOrd} in the reader's leaves. */
    LongValues toGlobal(int dim, int leafOrd) {
        return maps[dim].getGlobalOrds(leafOrd);
    }

    String label(int dim, long globalOrd) throws IOException {
        int segment = maps[dim].getFirstSegmentNumber(globalOrd);
        long segmentOrd = maps[dim].getFirstSegmentOrd(globalOrd);
        BytesRef value = DocValues.getSortedSet(leaves.get(segment).reader(), dims.get(dim)).lookupOrd(segmentOrd);
        return value.utf8ToString();
    }
}

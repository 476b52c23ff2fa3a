package org.trailworkbench.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.trailworkbench.index.Fields;

import java.io.IOException;
import java.util.Collection;

/**
 * The oldest and newest time among a query's hits, in one pass that reads each hit's time from the segment's
 * column. Sorting for the first and the last hit instead costs two passes, and is slow on events stored in
 * time order: each hit beats the one before and goes through the sort's queue.
 */
final class TimeBounds implements CollectorManager<TimeBounds.SliceBounds, long[]> {

    /** Per segment (by leaf ord), the hits seen; null unless asked for. */
    private final FixedBitSet[] hits;

    private TimeBounds(FixedBitSet[] hits) {
        this.hits = hits;
    }

    /** {oldest, newest}, or null when no hit has a time. */
    static long[] of(IndexSearcher searcher, Query query) throws IOException {
        long[] bounds = searcher.search(query, new TimeBounds(null));
        return bounds[0] > bounds[1] ? null : bounds;
    }

    /**
     * The bounds as {@link #of}, and the hits themselves, one bit per event: a second pass over them
     * (counting facets) then walks the bits instead of running the query again.
     */
    static Pass keepingHits(IndexSearcher searcher, Query query) throws IOException {
        FixedBitSet[] hits = new FixedBitSet[searcher.getIndexReader().leaves().size()];
        long[] bounds = searcher.search(query, new TimeBounds(hits));
        return new Pass(bounds[0] > bounds[1] ? null : bounds, hits);
    }

    /** @param bounds {oldest, newest}, or null when no hit has a time
     *  @param hits   per segment by leaf ord, the hits; null for a segment without any */
    record Pass(long[] bounds, FixedBitSet[] hits) {
    }

    @Override
    public SliceBounds newCollector() {
        return new SliceBounds();
    }

    @Override
    public long[] reduce(Collection<SliceBounds> slices) {
        long[] bounds = {Long.MAX_VALUE, Long.MIN_VALUE};
        for (SliceBounds slice : slices) {
            bounds[0] = Math.min(bounds[0], slice.min);
            bounds[1] = Math.max(bounds[1], slice.max);
        }
        return bounds;
    }

    final class SliceBounds implements Collector {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SegmentColumns columns = SegmentColumns.of(context.reader());
            NumericDocValues times = columns.holdsTimes() ? null : DocValues.getNumeric(context.reader(), Fields.TIME);
            FixedBitSet seen = hits == null ? null : new FixedBitSet(context.reader().maxDoc());
            if (seen != null) {
                hits[context.ord] = seen; // each leaf is searched by one slice only
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (seen != null) {
                        seen.set(doc);
                    }
                    long time;
                    if (times == null) {
                        time = columns.time(doc);
                        if (time == Long.MIN_VALUE) {
                            return;
                        }
                    } else if (times.advanceExact(doc)) {
                        time = times.longValue();
                    } else {
                        return;
                    }
                    min = Math.min(min, time);
                    max = Math.max(max, time);
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}

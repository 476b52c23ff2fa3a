package org.trailworkbench.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.IntroSorter;
import org.trailworkbench.index.Fields;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.CancellationException;

/**
 * Collects every hit and sorts it as {@code searchAfter} would: by time (either way), ties by doc id, events
 * without a time last. Each hit is one long, the time's offset from the case's oldest (or newest) event above
 * the doc id, so that sorting is a primitive parallel sort and the result costs 8 bytes a hit: ten million
 * hits in 80 MB. Only a case spanning centuries of milliseconds falls back to separate arrays (12 bytes).
 */
final class HitScan {

    private HitScan() {
    }

    /** Hits in order: packed keys for the timed ones, then the untimed ones by doc id. */
    static final class Sorted {
        private final long[] keys;
        private final int[] docs;
        private final long[] times;
        private final int timed;
        private final int[] untimed;
        private final long origin;
        private final int docBits;
        private final boolean newestFirst;

        private Sorted(long[] keys, int[] docs, long[] times, int timed, int[] untimed, long origin, int docBits,
                       boolean newestFirst) {
            this.keys = keys;
            this.docs = docs;
            this.times = times;
            this.timed = timed;
            this.untimed = untimed;
            this.origin = origin;
            this.docBits = docBits;
            this.newestFirst = newestFirst;
        }

        int size() {
            return timed + untimed.length;
        }

        int doc(int i) {
            if (i >= timed) {
                return untimed[i - timed];
            }
            return keys != null ? (int) (keys[i] & ((1L << docBits) - 1)) : docs[i];
        }

        /** The hit's time, {@link Long#MIN_VALUE} when it has none. */
        long time(int i) {
            if (i >= timed) {
                return Long.MIN_VALUE;
            }
            if (keys == null) {
                return times[i];
            }
            long offset = keys[i] >>> docBits;
            return newestFirst ? origin - offset : origin + offset;
        }
    }

    static Sorted collect(IndexSearcher searcher, Query query, SortOrder order, Cancellation cancel) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        boolean newestFirst = order == SortOrder.NEWEST_FIRST;
        byte[] low = PointValues.getMinPackedValue(reader, Fields.TIME);
        byte[] high = PointValues.getMaxPackedValue(reader, Fields.TIME);
        long min = low == null ? 0 : LongPoint.decodeDimension(low, 0);
        long max = high == null ? 0 : LongPoint.decodeDimension(high, 0);
        int docBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, reader.maxDoc()));
        long span = max - min;
        boolean packs = span >= 0 && 64 - Long.numberOfLeadingZeros(span) + docBits <= 63;
        long origin = newestFirst ? max : min;
        Slice all = searcher.search(query, new Manager(packs, origin, docBits, newestFirst, cancel));
        if (cancel.isCancelled()) {
            throw new CancellationException("cancelled");
        }
        int[] untimed = Arrays.copyOf(all.untimed, all.untimedSize);
        Arrays.sort(untimed);
        if (packs) {
            Arrays.parallelSort(all.keys, 0, all.size); // in place: the slack at the end is never read
            return new Sorted(all.keys, null, null, all.size, untimed, origin, docBits, newestFirst);
        }
        int[] docs = Arrays.copyOf(all.docs, all.size);
        long[] times = Arrays.copyOf(all.times, all.size);
        new TimeDocSorter(docs, times, newestFirst).sort(0, docs.length);
        return new Sorted(null, docs, times, docs.length, untimed, origin, docBits, newestFirst);
    }

    /** Hits of one slice of the index, as collected: packed keys, or docs and times when they do not pack. */
    private static final class Slice {
        private final boolean packs;
        int size;
        long[] keys = new long[0];
        int[] docs = new int[0];
        long[] times = new long[0];
        int untimedSize;
        int[] untimed = new int[0];

        Slice(boolean packs) {
            this.packs = packs;
        }

        void addKey(long key) {
            if (size == keys.length) {
                keys = ArrayUtil.grow(keys, size + 1);
            }
            keys[size++] = key;
        }

        void addPair(int doc, long time) {
            if (size == docs.length) {
                docs = ArrayUtil.grow(docs, size + 1);
                times = ArrayUtil.grow(times, size + 1);
            }
            docs[size] = doc;
            times[size++] = time;
        }

        void addUntimed(int doc) {
            if (untimedSize == untimed.length) {
                untimed = ArrayUtil.grow(untimed, untimedSize + 1);
            }
            untimed[untimedSize++] = doc;
        }

        void addAll(Slice other) {
            for (int i = 0; i < other.size; i++) {
                if (packs) {
                    addKey(other.keys[i]);
                } else {
                    addPair(other.docs[i], other.times[i]);
                }
            }
            for (int i = 0; i < other.untimedSize; i++) {
                addUntimed(other.untimed[i]);
            }
        }
    }

    private static final class Manager implements CollectorManager<SliceCollector, Slice> {
        private final boolean packs;
        private final long origin;
        private final int docBits;
        private final boolean newestFirst;
        private final Cancellation cancel;

        Manager(boolean packs, long origin, int docBits, boolean newestFirst, Cancellation cancel) {
            this.packs = packs;
            this.origin = origin;
            this.docBits = docBits;
            this.newestFirst = newestFirst;
            this.cancel = cancel;
        }

        @Override
        public SliceCollector newCollector() {
            return new SliceCollector(this);
        }

        @Override
        public Slice reduce(Collection<SliceCollector> collectors) {
            if (collectors.size() == 1) {
                return collectors.iterator().next().slice;
            }
            Slice merged = new Slice(packs);
            for (SliceCollector c : collectors) {
                merged.addAll(c.slice);
                c.slice.keys = null; // let each slice go as soon as it is copied
            }
            return merged;
        }
    }

    private static final class SliceCollector implements org.apache.lucene.search.Collector {
        private final Manager manager;
        final Slice slice;

        SliceCollector(Manager manager) {
            this.manager = manager;
            this.slice = new Slice(manager.packs);
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (manager.cancel.isCancelled()) {
                throw new org.apache.lucene.search.CollectionTerminatedException();
            }
            NumericDocValues values = DocValues.getNumeric(context.reader(), Fields.TIME);
            int base = context.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!values.advanceExact(doc)) {
                        slice.addUntimed(base + doc);
                    } else if (manager.packs) {
                        long time = values.longValue();
                        long offset = manager.newestFirst ? manager.origin - time : time - manager.origin;
                        slice.addKey((offset << manager.docBits) | (base + doc));
                    } else {
                        slice.addPair(base + doc, values.longValue());
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** The fallback when a time span is too wide to pack: an in-place sort of the two arrays together. */
    private static final class TimeDocSorter extends IntroSorter {
        private final int[] docs;
        private final long[] times;
        private final boolean newestFirst;
        private long pivotTime;
        private int pivotDoc;

        TimeDocSorter(int[] docs, long[] times, boolean newestFirst) {
            this.docs = docs;
            this.times = times;
            this.newestFirst = newestFirst;
        }

        private int compare(long timeA, int docA, long timeB, int docB) {
            int byTime = newestFirst ? Long.compare(timeB, timeA) : Long.compare(timeA, timeB);
            return byTime != 0 ? byTime : Integer.compare(docA, docB);
        }

        @Override
        protected int compare(int i, int j) {
            return compare(times[i], docs[i], times[j], docs[j]);
        }

        @Override
        protected void swap(int i, int j) {
            int d = docs[i];
            docs[i] = docs[j];
            docs[j] = d;
            long t = times[i];
            times[i] = times[j];
            times[j] = t;
        }

        @Override
        protected void setPivot(int i) {
            pivotTime = times[i];
            pivotDoc = docs[i];
        }

        @Override
        protected int comparePivot(int j) {
            return compare(pivotTime, pivotDoc, times[j], docs[j]);
        }
    }
}

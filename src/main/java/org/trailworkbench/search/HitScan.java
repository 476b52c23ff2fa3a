package org.trailworkbench.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
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
 * Collects the doc id and time of every hit and sorts them as {@code searchAfter} would: by time (either
 * way), ties by doc id, events without a time last. About 12 bytes per hit.
 */
final class HitScan {

    private HitScan() {
    }

    /** Parallel arrays: {@code docs[i]} has time {@code times[i]} (Long.MIN_VALUE when it has none). */
    record Sorted(int[] docs, long[] times) {
    }

    static Sorted collect(IndexSearcher searcher, Query query, SortOrder order, Cancellation cancel) throws IOException {
        Slice all = searcher.search(query, new Manager(cancel));
        if (cancel.isCancelled()) {
            throw new CancellationException("cancelled");
        }
        return sort(all, order, searcher.getIndexReader().maxDoc());
    }

    private static Sorted sort(Slice all, SortOrder order, int maxDoc) {
        int n = all.size;
        int timed = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (all.has[i]) {
                timed++;
                min = Math.min(min, all.times[i]);
                max = Math.max(max, all.times[i]);
            }
        }
        int[] docs = new int[n];
        long[] times = new long[n];
        int docBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, maxDoc));
        long span = timed == 0 ? 0 : max - min;
        boolean packs = span >= 0 && 64 - Long.numberOfLeadingZeros(span) + docBits <= 63;
        if (packs) {
            // time offset and doc id in one long: a primitive sort, no comparator, a million hits in ~100 ms
            long[] keys = new long[timed];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (all.has[i]) {
                    long offset = order == SortOrder.NEWEST_FIRST ? max - all.times[i] : all.times[i] - min;
                    keys[k++] = (offset << docBits) | all.docs[i];
                }
            }
            Arrays.sort(keys);
            long docMask = (1L << docBits) - 1;
            for (int i = 0; i < timed; i++) {
                docs[i] = (int) (keys[i] & docMask);
                long offset = keys[i] >>> docBits;
                times[i] = order == SortOrder.NEWEST_FIRST ? max - offset : min + offset;
            }
        } else {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (all.has[i]) {
                    docs[k] = all.docs[i];
                    times[k++] = all.times[i];
                }
            }
            new TimeDocSorter(docs, times, order == SortOrder.NEWEST_FIRST).sort(0, timed);
        }
        int k = timed;
        int[] untimed = new int[n - timed];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (!all.has[i]) {
                untimed[u++] = all.docs[i];
            }
        }
        Arrays.sort(untimed);
        for (int doc : untimed) {
            docs[k] = doc;
            times[k++] = Long.MIN_VALUE;
        }
        return new Sorted(docs, times);
    }

    /** Hits of one slice of the index, in the order they were collected. */
    private static final class Slice {
        int size;
        int[] docs = new int[1024];
        long[] times = new long[1024];
        boolean[] has = new boolean[1024];

        void add(int doc, long time, boolean hasTime) {
            if (size == docs.length) {
                int grown = ArrayUtil.oversize(size + 1, Long.BYTES);
                docs = Arrays.copyOf(docs, grown);
                times = Arrays.copyOf(times, grown);
                has = Arrays.copyOf(has, grown);
            }
            docs[size] = doc;
            times[size] = time;
            has[size++] = hasTime;
        }
    }

    private static final class Manager implements CollectorManager<SliceCollector, Slice> {
        private final Cancellation cancel;

        Manager(Cancellation cancel) {
            this.cancel = cancel;
        }

        @Override
        public SliceCollector newCollector() {
            return new SliceCollector(cancel);
        }

        @Override
        public Slice reduce(Collection<SliceCollector> collectors) {
            Slice merged = new Slice();
            for (SliceCollector c : collectors) {
                for (int i = 0; i < c.slice.size; i++) {
                    merged.add(c.slice.docs[i], c.slice.times[i], c.slice.has[i]);
                }
            }
            return merged;
        }
    }

    private static final class SliceCollector implements org.apache.lucene.search.Collector {
        private final Cancellation cancel;
        final Slice slice = new Slice();

        SliceCollector(Cancellation cancel) {
            this.cancel = cancel;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (cancel.isCancelled()) {
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
                    boolean has = values.advanceExact(doc);
                    slice.add(base + doc, has ? values.longValue() : 0, has);
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

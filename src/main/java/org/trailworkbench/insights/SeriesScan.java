package org.trailworkbench.insights;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.trailworkbench.index.Fields;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of a local case ({@link InsightsSource#series}): one pass over every event's doc values (never
 * the stored JSON) that counts, per account, region and API, the write calls and the failed calls of each
 * minute. Insights records themselves and data events are left out: Insights watches management events only.
 */
final class SeriesScan {

    /** Global ids of "account, region" and of "source, name" pairs, whatever segment they came from. */
    private final Map<List<String>, Integer> scopes = new HashMap<>();
    private final Map<List<String>, Integer> apis = new HashMap<>();
    private final Map<Long, Integer> seriesIds = new HashMap<>();
    private final List<SeriesKey> keys = new ArrayList<>();
    private long[] calls = new long[1024];
    private int callCount;
    private long[] errors = new long[1024];
    private int errorCount;
    private long firstMinute = Long.MAX_VALUE;
    private long lastMinute = Long.MIN_VALUE;
    private long scanned;
    private long counted;

    static SeriesCounts scan(IndexSearcher searcher, Cancellation cancel) throws IOException {
        SeriesScan scan = new SeriesScan();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            cancel.throwIfCancelled();
            try {
                scan.segment(leaf.reader());
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return scan.result();
    }

    private void segment(LeafReader reader) throws IOException {
        NumericDocValues time = DocValues.getNumeric(reader, Fields.TIME);
        Dimension account = new Dimension(reader, "recipientAccountId");
        Dimension region = new Dimension(reader, "awsRegion");
        Dimension source = new Dimension(reader, "eventSource");
        Dimension name = new Dimension(reader, "eventName");
        SortedSetDocValues readOnly = DocValues.getSortedSet(reader, "readOnly");
        long writeOrd = readOnly.lookupTerm(new BytesRef("false"));
        SortedSetDocValues errorCode = DocValues.getSortedSet(reader, "errorCode");
        SortedSetDocValues eventType = DocValues.getSortedSet(reader, "eventType");
        long insightOrd = eventType.lookupTerm(new BytesRef(AwsInsights.EVENT_TYPE));
        SortedSetDocValues category = DocValues.getSortedSet(reader, "eventCategory");
        long managementOrd = category.lookupTerm(new BytesRef("Management"));
        Map<Long, Integer> localScopes = new HashMap<>();
        Map<Long, Integer> localApis = new HashMap<>();
        Bits live = reader.getLiveDocs();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if ((live != null && !live.get(doc)) || !time.advanceExact(doc)) {
                continue;
            }
            scanned++;
            if (insightOrd >= 0 && eventType.advanceExact(doc) && eventType.nextOrd() == insightOrd) {
                continue;
            }
            if (category.advanceExact(doc) && category.nextOrd() != managementOrd) {
                continue; // data and network activity events: Insights does not watch them
            }
            boolean write = writeOrd >= 0 && readOnly.advanceExact(doc) && readOnly.nextOrd() == writeOrd;
            boolean failed = errorCode.advanceExact(doc);
            if (!write && !failed) {
                continue;
            }
            int scope = localScopes.computeIfAbsent(pack(account.ord(doc), region.ord(doc)),
                    k -> id(scopes, account, region));
            int api = localApis.computeIfAbsent(pack(source.ord(doc), name.ord(doc)), k -> id(apis, source, name));
            int series = seriesIds.computeIfAbsent((long) scope << 32 | api, k -> {
                keys.add(new SeriesKey(account.value(), region.value(), source.value(), name.value()));
                return keys.size() - 1;
            });
            long minute = Math.floorDiv(time.longValue(), 60_000L);
            firstMinute = Math.min(firstMinute, minute);
            lastMinute = Math.max(lastMinute, minute);
            counted++;
            if (write) {
                calls = add(calls, callCount++, (long) series << 40 | (minute & MINUTE_MASK));
            }
            if (failed) {
                errors = add(errors, errorCount++, (long) series << 40 | (minute & MINUTE_MASK));
            }
        }
    }

    /** 40 bits of epoch minutes reach the year 2,000,000; 24 bits leave room for 16 million series. */
    private static final long MINUTE_MASK = (1L << 40) - 1;

    private static long pack(int a, int b) {
        return (long) a << 32 | (b & 0xffffffffL);
    }

    private static int id(Map<List<String>, Integer> ids, Dimension a, Dimension b) {
        return ids.computeIfAbsent(List.of(a.value(), b.value()), k -> ids.size());
    }

    private static long[] add(long[] array, int at, long value) {
        long[] a = at == array.length ? Arrays.copyOf(array, at * 2) : array;
        a[at] = value;
        return a;
    }

    private SeriesCounts result() {
        return new SeriesCounts(List.copyOf(keys), split(calls, callCount), split(errors, errorCount), firstMinute,
                lastMinute, scanned, counted);
    }

    /** Sorting the packed (series, minute) values groups them by series and orders each by time. */
    private List<MinuteCounts> split(long[] packed, int n) {
        Arrays.sort(packed, 0, n);
        List<MinuteCounts> result = new ArrayList<>(keys.size());
        int i = 0;
        for (int series = 0; series < keys.size(); series++) {
            int from = i;
            while (i < n && (packed[i] >>> 40) == series) {
                i++;
            }
            if (from == i) {
                result.add(MinuteCounts.EMPTY);
                continue;
            }
            long[] minutes = new long[i - from];
            int[] counts = new int[i - from];
            int distinct = -1;
            for (int j = from; j < i; j++) {
                long minute = packed[j] & MINUTE_MASK;
                if (distinct < 0 || minutes[distinct] != minute) {
                    minutes[++distinct] = minute;
                }
                counts[distinct]++;
            }
            result.add(new MinuteCounts(Arrays.copyOf(minutes, distinct + 1), Arrays.copyOf(counts, distinct + 1)));
        }
        return result;
    }

    /** One single-valued facet field of one segment, read at the current document. */
    private static final class Dimension {
        private final SortedSetDocValues values;
        private int doc = -1;
        private int ord = -1;

        Dimension(LeafReader reader, String field) throws IOException {
            this.values = DocValues.getSortedSet(reader, field);
        }

        /** The segment ordinal of the document's value, or -1 when it has none. */
        int ord(int d) throws IOException {
            if (d != doc) {
                doc = d;
                ord = values.advanceExact(d) ? (int) values.nextOrd() : -1;
            }
            return ord;
        }

        /** The value at the last document read, "" for none. */
        String value() {
            try {
                return ord < 0 ? "" : values.lookupOrd(ord).utf8ToString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // thrown inside a map's computeIfAbsent
            }
        }
    }
}

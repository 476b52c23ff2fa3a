package org.trailworkbench.insights;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.Keywords;
import org.trailworkbench.index.Shapes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute counts of a local case ({@link InsightsSource#attributeCounts}): reads doc values of the
 * counted events of that one series only, found through the index.
 */
final class LocalAttributeScan {

    private LocalAttributeScan() {
    }

    static List<Map<String, long[]>> count(IndexSearcher searcher, SeriesKey key, InsightType type, long insightFrom,
                                           long insightTo, List<long[]> baseline, List<String> fields)
            throws IOException {
        long from = Math.min(insightFrom, baseline.get(0)[0]);
        long to = Math.max(insightTo, baseline.get(baseline.size() - 1)[1]);
        Query query = query(key, type, from * 60_000L, to * 60_000L - 1);
        List<Map<String, long[]>> counts = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            counts.add(new HashMap<>());
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                count(leaf, scorer.iterator(), insightFrom, insightTo, baseline, fields, counts);
            }
        }
        return counts;
    }

    private static void count(LeafReaderContext leaf, DocIdSetIterator docs, long insightFrom, long insightTo,
                              List<long[]> baseline, List<String> fields, List<Map<String, long[]>> counts)
            throws IOException {
        NumericDocValues time = DocValues.getNumeric(leaf.reader(), Fields.TIME);
        SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
        List<Map<Long, long[]>> byOrd = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            values[f] = DocValues.getSortedSet(leaf.reader(), fields.get(f));
            byOrd.add(new HashMap<>());
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if ((live != null && !live.get(doc)) || !time.advanceExact(doc)) {
                continue;
            }
            long minute = Math.floorDiv(time.longValue(), 60_000L);
            boolean inInsight = minute >= insightFrom && minute < insightTo;
            boolean inBaseline = baseline.stream().anyMatch(r -> minute >= r[0] && minute < r[1]);
            if (!inInsight && !inBaseline) {
                continue;
            }
            for (int f = 0; f < fields.size(); f++) {
                long ord = values[f].advanceExact(doc) ? values[f].nextOrd() : -1;
                long[] n = byOrd.get(f).computeIfAbsent(ord, o -> new long[2]);
                n[0] += inInsight ? 1 : 0;
                n[1] += inBaseline ? 1 : 0;
            }
        }
        for (int f = 0; f < fields.size(); f++) {
            for (var entry : byOrd.get(f).entrySet()) {
                long ord = entry.getKey();
                String value = ord < 0 ? Attributions.NONE : values[f].lookupOrd(ord).utf8ToString();
                long[] total = counts.get(f).computeIfAbsent(value, v -> new long[2]);
                total[0] += entry.getValue()[0];
                total[1] += entry.getValue()[1];
            }
        }
    }

    /** The series' counted events in a time range, matched exactly on the doc values like a facet filter. */
    private static Query query(SeriesKey key, InsightType type, long fromMillis, long toMillis) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.TIME, fromMillis, toMillis), Occur.FILTER);
        exactly(q, "recipientAccountId", key.account());
        exactly(q, "awsRegion", key.region());
        exactly(q, "eventSource", key.eventSource());
        exactly(q, "eventName", key.eventName());
        if (type == InsightType.CALL_RATE) {
            exactly(q, "readOnly", "false");
        } else {
            q.add(Shapes.exists("errorCode"), Occur.FILTER);
        }
        Query otherCategory = new BooleanQuery.Builder()
                .add(Shapes.exists("eventCategory"), Occur.FILTER)
                .add(Keywords.value("eventCategory", "Management"), Occur.MUST_NOT)
                .build();
        q.add(otherCategory, Occur.MUST_NOT);
        q.add(Keywords.value("eventType", AwsInsights.EVENT_TYPE), Occur.MUST_NOT);
        return q.build();
    }

    private static void exactly(BooleanQuery.Builder q, String field, String value) {
        if (value.isEmpty()) {
            q.add(Shapes.exists(field), Occur.MUST_NOT);
            return;
        }
        q.add(Keywords.value(field, value), Occur.FILTER);
        q.add(SortedSetDocValuesField.newSlowSetQuery(field, List.of(new BytesRef(value))), Occur.FILTER);
    }
}

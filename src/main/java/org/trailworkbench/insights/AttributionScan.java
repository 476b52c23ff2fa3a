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
 * What AWS calls attributions, computed for a local anomaly: the top identities, user agents and error codes
 * of the counted events during the anomaly and during its baseline, with their averages per minute. Reads
 * doc values of the events of that one series only, found through the index.
 */
final class AttributionScan {

    static final int TOP = 5;
    /** AWS's label for events without the attribute. */
    static final String NONE = "null";

    private static final String[] FIELDS = {"userIdentity.arn", "userAgent", "errorCode"};
    private static final String[] ATTRIBUTES = {Attribution.IDENTITY, Attribution.USER_AGENT, Attribution.ERROR_CODE};

    private AttributionScan() {
    }

    static List<Attribution> attribute(IndexSearcher searcher, SeriesScan.Key key, InsightType type,
                                       SpikeFinder.Spike spike) throws IOException {
        List<long[]> baseline = spike.baseline().ranges();
        long from = Math.min(spike.start(), baseline.get(0)[0]);
        long to = Math.max(spike.end(), baseline.get(baseline.size() - 1)[1]);
        Query query = query(key, type, from * 60_000L, to * 60_000L - 1);
        List<Map<String, long[]>> counts = new ArrayList<>();
        for (int f = 0; f < FIELDS.length; f++) {
            counts.add(new HashMap<>());
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                count(leaf, scorer.iterator(), spike, counts);
            }
        }
        List<Attribution> result = new ArrayList<>();
        for (int f = 0; f < FIELDS.length; f++) {
            result.add(new Attribution(ATTRIBUTES[f], top(counts.get(f), 0, spike.minutes()),
                    top(counts.get(f), 1, spike.baseline().minutes())));
        }
        return result;
    }

    private static void count(LeafReaderContext leaf, DocIdSetIterator docs, SpikeFinder.Spike spike,
                              List<Map<String, long[]>> counts) throws IOException {
        NumericDocValues time = DocValues.getNumeric(leaf.reader(), Fields.TIME);
        SortedSetDocValues[] values = new SortedSetDocValues[FIELDS.length];
        List<Map<Long, long[]>> byOrd = new ArrayList<>();
        for (int f = 0; f < FIELDS.length; f++) {
            values[f] = DocValues.getSortedSet(leaf.reader(), FIELDS[f]);
            byOrd.add(new HashMap<>());
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if ((live != null && !live.get(doc)) || !time.advanceExact(doc)) {
                continue;
            }
            long minute = Math.floorDiv(time.longValue(), 60_000L);
            boolean inInsight = minute >= spike.start() && minute < spike.end();
            boolean inBaseline = spike.baseline().ranges().stream().anyMatch(r -> minute >= r[0] && minute < r[1]);
            if (!inInsight && !inBaseline) {
                continue;
            }
            for (int f = 0; f < FIELDS.length; f++) {
                long ord = values[f].advanceExact(doc) ? values[f].nextOrd() : -1;
                long[] n = byOrd.get(f).computeIfAbsent(ord, o -> new long[2]);
                n[0] += inInsight ? 1 : 0;
                n[1] += inBaseline ? 1 : 0;
            }
        }
        for (int f = 0; f < FIELDS.length; f++) {
            for (var entry : byOrd.get(f).entrySet()) {
                long ord = entry.getKey();
                String value = ord < 0 ? NONE : values[f].lookupOrd(ord).utf8ToString();
                value = f == 0 ? identity(value) : value;
                long[] total = counts.get(f).computeIfAbsent(value, v -> new long[2]);
                total[0] += entry.getValue()[0];
                total[1] += entry.getValue()[1];
            }
        }
    }

    /**
     * Insights names a role, not each of its sessions: {@code arn:aws:sts::1:assumed-role/app/i-0abc} counts
     * as {@code arn:aws:sts::1:assumed-role/app}, so a fleet of sessions shows as the one identity it is.
     */
    static String identity(String arn) {
        int role = arn.indexOf(":assumed-role/");
        if (role < 0) {
            return arn;
        }
        int session = arn.indexOf('/', role + ":assumed-role/".length());
        return session < 0 ? arn : arn.substring(0, session);
    }

    private static List<Contributor> top(Map<String, long[]> counts, int which, long minutes) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[which] > 0)
                .sorted((a, b) -> a.getValue()[which] != b.getValue()[which]
                        ? Long.compare(b.getValue()[which], a.getValue()[which]) : a.getKey().compareTo(b.getKey()))
                .limit(TOP)
                .map(e -> new Contributor(e.getKey(), e.getValue()[which] / (double) Math.max(1, minutes)))
                .toList();
    }

    /** The series' counted events in a time range, matched exactly on the doc values like a facet filter. */
    private static Query query(SeriesScan.Key key, InsightType type, long fromMillis, long toMillis) {
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
                .add(Keywords.value("eventCategory", "Management"),
                        Occur.MUST_NOT)
                .build();
        q.add(otherCategory, Occur.MUST_NOT);
        q.add(Keywords.value("eventType", AwsInsights.EVENT_TYPE),
                Occur.MUST_NOT);
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

package org.trailworkbench.insights;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.trailworkbench.index.EventDocuments;
import org.trailworkbench.index.EventIndex;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.Keywords;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link InsightsSource} of a local case: doc values of its Lucene index, and the stored JSON of Insights records. */
public final class LocalInsightsSource implements InsightsSource {

    private static final Set<String> SOURCE = Set.of(Fields.SOURCE);

    private final EventIndex index;

    public LocalInsightsSource(EventIndex index) {
        this.index = index;
    }

    @Override
    public SeriesCounts series(Cancellation cancel) throws IOException {
        return index.withSearcher(searcher -> SeriesScan.scan(searcher, cancel));
    }

    @Override
    public List<Map<String, long[]>> attributeCounts(SeriesKey key, InsightType type, long insightFrom, long insightTo,
                                                     List<long[]> baseline, List<String> fields) throws IOException {
        return index.withSearcher(searcher -> LocalAttributeScan.count(searcher, key, type, insightFrom, insightTo,
                baseline, fields));
    }

    /** There are few Insights records (two per anomaly), so reading their stored JSON costs nothing. */
    @Override
    public List<StoredRecord> insightRecords() throws IOException {
        return index.withSearcher(LocalInsightsSource::insightRecords);
    }

    private static List<StoredRecord> insightRecords(IndexSearcher searcher) throws IOException {
        Query query = Keywords.value("eventType", AwsInsights.EVENT_TYPE);
        int count = searcher.count(query);
        List<StoredRecord> records = new ArrayList<>(count);
        if (count == 0) {
            return records;
        }
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
            records.add(new StoredRecord(Integer.toString(hit.doc),
                    EventDocuments.sourceOf(stored.document(hit.doc, SOURCE))));
        }
        return records;
    }
}

package org.trailworkbench.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.Cursor;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.HitList;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.SortOrder;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.TrailFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table's row source lists exactly the hits searchAfter pages through, in the same order, at any depth. */
class HitListTest {

    @Test
    void rowsAreTheSearchOrderInBothDirections(@TempDir Path temp) throws Exception {
        List<TrailFiles.Event> events = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            // many equal times, so ties must break by doc id as Lucene's own sort does
            String time = String.format("2025-03-06T%02d:%02d:00Z", 8 + i % 5, i % 3);
            events.add(TrailFiles.Event.of("ev" + i, time, i % 4 == 0 ? "PutObject" : "GetObject").in(i % 2 == 0 ? "us-east-1" : "eu-west-1"));
        }
        TrailFiles.writeLog(temp.resolve("logs"), "us-east-1", "20250306T0800Z", events.subList(0, 350));
        TrailFiles.writeLog(temp.resolve("logs"), "eu-west-1", "20250306T0800Z", events.subList(350, 700));
        try (Case c = Case.open(temp.resolve("case"))) {
            c.importPath(temp.resolve("logs"), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            for (SortOrder order : SortOrder.values()) {
                SearchRequest request = SearchRequest.of("eventName:GetObject").withSort(order)
                        .withFilter("awsRegion", new FacetFilter(Set.of(), Set.of("eu-west-1")));
                List<String> paged = new ArrayList<>();
                Cursor cursor = null;
                do {
                    SearchResponse page = c.search().search(request.hitsOnly(64, cursor));
                    page.hits().forEach(h -> paged.add(h.json()));
                    cursor = page.next();
                } while (cursor != null);
                try (HitList list = HitList.of(c.index(), request, Cancellation.none())) {
                    assertThat(list.size()).isEqualTo(paged.size()).isPositive();
                    List<String> rows = new ArrayList<>();
                    for (int from = 0; from < list.size(); from += 50) {
                        list.load(from, 50).forEach(h -> rows.add(h.json()));
                    }
                    assertThat(rows).isEqualTo(paged);
                    EventHit last = list.load(list.size() - 1, 10).get(0);
                    assertThat(last.json()).isEqualTo(paged.get(paged.size() - 1));
                }
            }
        }
    }

    @Test
    void aCancelledScanStops(@TempDir Path temp) throws Exception {
        TrailFiles.writeLog(temp.resolve("logs"), "us-east-1", "20250306T0800Z",
                List.of(TrailFiles.Event.of("a", "2025-03-06T08:00:00Z", "GetObject")));
        try (Case c = Case.open(temp.resolve("case"))) {
            c.importPath(temp.resolve("logs"), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            Cancellation cancel = new Cancellation();
            cancel.cancel();
            assertThatThrownBy(() -> HitList.of(c.index(), SearchRequest.of(""), cancel))
                    .isInstanceOf(CancellationException.class);
        }
    }

    /** Closing a case while the window still reads rows must neither crash nor lose the rows being read. */
    @Test
    void aListOutlivesTheCaseClosingUnderIt(@TempDir Path temp) throws Exception {
        List<TrailFiles.Event> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(TrailFiles.Event.of("e" + i, String.format("2025-03-06T08:%02d:00Z", i), "GetObject"));
        }
        TrailFiles.writeLog(temp.resolve("logs"), "us-east-1", "20250306T0800Z", events);
        Case c = Case.open(temp.resolve("case"));
        c.importPath(temp.resolve("logs"), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        HitList list = HitList.of(c.index(), SearchRequest.of(""), Cancellation.none());
        c.close();

        assertThat(list.load(0, 100)).hasSize(30); // the files stay open while the list holds its view
        assertThatThrownBy(() -> c.index().acquire()).isInstanceOf(org.apache.lucene.store.AlreadyClosedException.class);
        list.close();
        assertThatThrownBy(() -> list.load(0, 1)).isInstanceOf(java.io.IOException.class);
    }
}

package org.trailworkbench.remote;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.HitList;
import org.trailworkbench.search.RowSource;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SortOrder;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The table's rows of a remote case against the local hit list of the same trail (sample-logs, about 13,000
 * events: more than the cluster's 10,000-hit result window, so deep rows are reached by walking). Times come in
 * the same order; events of one millisecond may come in another order (import order locally, id order remotely),
 * so they are compared as sets per time.
 */
class RemoteRowsTest {

    @TempDir
    static Path dir;
    static Case local;
    static RemoteCase remote;

    @BeforeAll
    static void open() throws IOException {
        local = Case.open(dir.resolve("case"));
        local.importPath(SampleIndex.sampleLogs(), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        remote = RemoteCase.connect(RemoteTarget.parse(SampleIndex.url(), null, null)).requireIndex();
    }

    @AfterAll
    static void close() throws IOException {
        local.close();
        remote.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eventSource:s3.amazonaws.com", "errorCode:* OR readOnly:false", "eventName:Get*"})
    void theSameRowsAsTheLocalHitList(String query) throws Exception {
        for (SortOrder order : SortOrder.values()) {
            for (SearchRequest request : List.of(SearchRequest.of(query).withSort(order),
                    SearchRequest.of(query).withSort(order).withFilter("awsRegion",
                            new FacetFilter(Set.of(), Set.of("us-east-1"))))) {
                List<EventHit> localRows;
                try (HitList list = HitList.of(local.index(), request, Cancellation.none())) {
                    localRows = all(list, 100);
                }
                List<EventHit> remoteRows;
                try (RowSource rows = remote.search().rows(request, Cancellation.none())) {
                    assertThat(rows).isInstanceOf(RemoteRows.class);
                    assertThat(rows.size()).as(query).isEqualTo(localRows.size()).isPositive();
                    remoteRows = all(rows, 100);
                }
                assertThat(times(remoteRows)).as(query + " " + order).isEqualTo(times(localRows));
                assertThat(byTimeThenJson(remoteRows)).isEqualTo(byTimeThenJson(localRows));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anyRowCanBeLoadedFirstDeepJumpsIncluded(boolean walking) throws Exception {
        for (SortOrder order : SortOrder.values()) {
            SearchRequest request = SearchRequest.of("").withSort(order);
            List<String> sequential;
            try (RowSource rows = remote.search().rows(request, Cancellation.none())) {
                assertThat(rows.size()).isGreaterThan(RemoteRows.RESULT_WINDOW + 2 * RemoteRows.BLOCK);
                sequential = jsons(all(rows, 700));
            }
            try (RemoteRows rows = jumping(request, walking)) {
                int n = rows.size();
                // the end first (beyond the result window), then back, across a block edge, the top
                assertThat(jsons(rows.load(n - 1, 5))).isEqualTo(sequential.subList(n - 1, n));
                // by time slices: the stats, a slicing or two, the key, the block; walking: one request more
                assertThat(rows.requests()).isBetween(walking ? 3 : 4, walking ? 3 : 5);
                assertThat(jsons(rows.load(n - 120, 100))).isEqualTo(sequential.subList(n - 120, n - 20));
                assertThat(jsons(rows.load(RemoteRows.RESULT_WINDOW + 250, 400)))
                        .isEqualTo(sequential.subList(RemoteRows.RESULT_WINDOW + 250, RemoteRows.RESULT_WINDOW + 650));
                assertThat(jsons(rows.load(4_950, 100))).isEqualTo(sequential.subList(4_950, 5_050));
                assertThat(jsons(rows.load(0, 3))).isEqualTo(sequential.subList(0, 3));
                assertThat(rows.load(n, 10)).isEmpty();
            }
            try (RemoteRows rows = jumping(request, walking)) {
                // a jump beyond the window with no key known yet
                int at = RemoteRows.RESULT_WINDOW + 1_500;
                assertThat(jsons(rows.load(at, 10))).isEqualTo(sequential.subList(at, at + 10));
            }
        }
    }

    private static RemoteRows jumping(SearchRequest request, boolean walking) throws Exception {
        RemoteRows rows = (RemoteRows) remote.search().rows(request, Cancellation.none());
        return walking ? rows.walkingOnly() : rows;
    }

    @Test
    void aCancelledListIsNotMadeAndAClosedOneSaysSo() throws Exception {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> remote.search().rows(SearchRequest.of(""), cancel)).isInstanceOf(CancellationException.class);
        RowSource rows = remote.search().rows(SearchRequest.of(""), Cancellation.none());
        assertThat(rows.load(0, 2)).hasSize(2);
        rows.close();
        assertThatThrownBy(() -> rows.load(0, 2)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    private static List<EventHit> all(RowSource rows, int step) throws IOException {
        List<EventHit> all = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += step) {
            all.addAll(rows.load(from, step));
        }
        return all;
    }

    private static List<Long> times(List<EventHit> rows) {
        return rows.stream().map(EventHit::time).toList();
    }

    private static List<String> jsons(List<EventHit> rows) {
        return rows.stream().map(EventHit::json).toList();
    }

    private static List<String> byTimeThenJson(List<EventHit> rows) {
        return rows.stream().sorted(Comparator.comparingLong(EventHit::time).thenComparing(EventHit::json))
                .map(h -> h.time() + " " + h.json()).toList();
    }
}

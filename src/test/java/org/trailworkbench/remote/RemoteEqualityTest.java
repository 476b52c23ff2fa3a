package org.trailworkbench.remote;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.export.CsvExport;
import org.trailworkbench.export.ExportListener;
import org.trailworkbench.export.ExportOptions;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.insights.InsightsRequest;
import org.trailworkbench.insights.InsightsResult;
import org.trailworkbench.insights.InsightsService;
import org.trailworkbench.insights.LocalInsightsSource;
import org.trailworkbench.insights.MinuteCounts;
import org.trailworkbench.insights.SeriesCounts;
import org.trailworkbench.insights.SeriesKey;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.search.SortOrder;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled trail (sample-logs) imported into a local case and into a remote case on a real node: the same
 * requests give the same answers, event for event.
 */
class RemoteEqualityTest {

    @TempDir
    static Path dir;
    static Case local;
    static RemoteCase remote;

    @BeforeAll
    static void importBoth() throws IOException {
        Path logs = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
        local = Case.open(dir.resolve("case"));
        local.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        remote = RemoteCase.connect(RemoteTarget.parse(TestNode.get().url().replace("http:", "opensearch:")
                + "/equality", null, null));
        var result = remote.importer().importPath(logs, SourceFilter.ALL, Cancellation.none());
        assertThat(result.problems()).isEmpty();
    }

    @AfterAll
    static void close() throws IOException {
        local.close();
        remote.close();
    }

    static List<String> ids(EventSearch search, SearchRequest request) throws Exception {
        List<String> ids = new ArrayList<>();
        search.scan(request, new SearchService.HitVisitor() {
            @Override
            public void total(long total) {
            }

            @Override
            public void hit(EventHit hit) {
                ids.add(eventId(hit.json()));
            }
        }, Cancellation.none());
        return ids;
    }

    static String eventId(String json) {
        int at = json.indexOf("\"eventID\":\"");
        return at < 0 ? json : json.substring(at + 11, json.indexOf('"', at + 11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "eventName:ConsoleLogin", "eventname:consolelogin", "errorCode:*",
            "NOT errorCode:*", "_exists_:requestParameters.bucketName", "eventName:Get*", "eventName:?etObject",
            "eventName:/(get|list).*/", "userIdentity.type:IAMUser AND NOT readOnly:true", "s3.amazonaws.com",
            "amazonaws", "\"aws cli\"", "Get*", "eventSource:ec2* OR eventSource:iam*", "awsRegion:[eu-a TO us-z]",
            "awsRegion:{eu-west-1 TO us-west-2}", "eventName:getobjekt~1", "getobjekt~1", "eventTime:[2024-01-01 TO 2030-01-01]", "(eventName:Describe* -awsRegion:us-east-1)",
            "sourceIPAddress:1*", "/.*bucket.*/", "userAgent:*console*", "-eventName:*"})
    void theSameEventsInTheSameOrder(String query) throws Exception {
        for (SortOrder order : SortOrder.values()) {
            SearchRequest request = SearchRequest.of(query).withSort(order);
            List<String> localIds = ids(local.search(), request);
            List<String> remoteIds = ids(remote.search(), request);
            assertThat(remoteIds).as(query).containsExactlyInAnyOrderElementsOf(localIds);
            assertThat(remote.search().search(request).total()).isEqualTo(local.search().search(request).total());
        }
    }

    @Test
    void theSampleIsNotEmptyAndQueriesDiscriminate() throws Exception {
        assertThat(local.search().stats().events()).isGreaterThan(100);
        assertThat(remote.search().stats()).isEqualTo(local.search().stats());
        assertThat(ids(local.search(), SearchRequest.of("eventName:ConsoleLogin"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "readOnly:false", "errorCode:*"})
    void theSameFacetsAndTimeline(String query) throws Exception {
        SearchRequest request = SearchRequest.of(query).withFacets(10);
        for (SearchRequest r : List.of(request, request.withTimeline(true, "eventSource"),
                request.withFilter("awsRegion", new FacetFilter(Set.of("us-east-1"), Set.of())),
                request.withFilter("eventSource", new FacetFilter(Set.of(), Set.of("s3.amazonaws.com")))
                        .withFilter("readOnly", new FacetFilter(Set.of("true"), Set.of())),
                request.withRange(new TimeRange(null, null)))) {
            SearchResponse l = local.search().search(r);
            SearchResponse o = remote.search().search(r);
            assertThat(o.total()).isEqualTo(l.total());
            assertThat(o.facets()).isEqualTo(l.facets());
            assertThat(o.timeline().starts()).isEqualTo(l.timeline().starts());
            assertThat(o.timeline().end()).isEqualTo(l.timeline().end());
            assertThat(o.timeline().counts()).isEqualTo(l.timeline().counts());
            assertThat(o.timeline().interval()).isEqualTo(l.timeline().interval());
            assertThat(o.timeline().series().keySet()).isEqualTo(l.timeline().series().keySet());
            o.timeline().series().forEach((k, v) -> assertThat(v).as(k).isEqualTo(l.timeline().series().get(k)));
        }
    }

    @Test
    void pagesFollowOneAnother() throws Exception {
        SearchRequest request = SearchRequest.of("").hitsOnly(7, null);
        List<String> paged = new ArrayList<>();
        SearchResponse page = remote.search().search(request);
        while (true) {
            page.hits().forEach(h -> paged.add(eventId(h.json())));
            if (page.next() == null) {
                break;
            }
            page = remote.search().search(request.hitsOnly(7, page.next()));
        }
        assertThat(paged).containsExactlyElementsOf(ids(remote.search(), SearchRequest.of("")));
    }

    @Test
    void csvExportIsTheSame() throws Exception {
        SearchRequest request = SearchRequest.of("");
        Path l = dir.resolve("local.csv");
        Path r = dir.resolve("remote.csv");
        new CsvExport(local.search()).toFile(request, l, ExportOptions.DEFAULTS, ExportListener.SILENT, Cancellation.none());
        new CsvExport(remote.search()).toFile(request, r, ExportOptions.DEFAULTS, ExportListener.SILENT, Cancellation.none());
        // byte for byte: the export writes events of the same millisecond in eventID order on both backends
        assertThat(Files.readAllBytes(r)).isEqualTo(Files.readAllBytes(l));
        assertThat(Files.readAllLines(l)).hasSizeGreaterThan(13_000);
    }

    /**
     * Insights: the cluster's composite aggregations count the same series, minute for minute, as the local
     * scan of doc values, and so detection finds the same anomalies with the same attributions. Pages of 7
     * buckets make the sample's few thousand buckets hundreds of pages, as a large trail's would be.
     */
    @Test
    void insightsCountTheSameSeriesAndFindTheSameAnomalies() throws IOException {
        SeriesCounts onDisk = new LocalInsightsSource(local.index()).series(Cancellation.none());
        SeriesCounts inCluster = new RemoteInsightsSource(remote, 7).series(Cancellation.none());

        assertThat(bySeries(inCluster)).isEqualTo(bySeries(onDisk)).hasSizeGreaterThan(10);
        assertThat(List.of(inCluster.firstMinute(), inCluster.lastMinute(), inCluster.eventsScanned(),
                inCluster.eventsCounted())).isEqualTo(List.of(onDisk.firstMinute(), onDisk.lastMinute(),
                onDisk.eventsScanned(), onDisk.eventsCounted()));

        InsightsResult expected = new InsightsService(local.index()).list(InsightsRequest.all(), Cancellation.none());
        InsightsResult actual = new InsightsService(new RemoteInsightsSource(remote, 7))
                .list(InsightsRequest.all(), Cancellation.none());
        assertThat(actual.anomalies()).isEqualTo(expected.anomalies()).hasSize(4);
        assertThat(actual.aws().problems()).isEqualTo(expected.aws().problems());
    }

    /** Per series, its write calls and failed calls per minute, as text that compares by value. */
    private static Map<SeriesKey, String> bySeries(SeriesCounts counts) {
        Map<SeriesKey, String> series = new HashMap<>();
        for (int s = 0; s < counts.keys().size(); s++) {
            series.put(counts.keys().get(s), text(counts.calls().get(s)) + " / " + text(counts.errors().get(s)));
        }
        return series;
    }

    private static String text(MinuteCounts counts) {
        return Arrays.toString(counts.minutes()) + Arrays.toString(counts.counts());
    }
}

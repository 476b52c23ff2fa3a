package org.trailworkbench.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search, facets and timeline over a real index built from known events. */
class SearchServiceTest {

    @TempDir
    static Path dir;
    static Case c;

    @BeforeAll
    static void buildCase() throws IOException {
        Path logs = dir.resolve("logs");
        List<Event> day1 = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String time = "2024-05-14T0" + (i / 10) + ":" + String.format("%02d", i % 60) + ":00Z";
            Event e = Event.of("a" + i, time, i % 3 == 0 ? "GetObject" : "ListBuckets");
            if (i % 10 == 0) {
                e = e.failing("AccessDenied").by("mallory");
            }
            day1.add(e);
        }
        List<Event> day2 = List.of(
                Event.of("b1", "2024-05-15T12:00:00Z", "RunInstances").from("ec2.amazonaws.com").in("eu-west-1").writing(),
                Event.of("b2", "2024-05-15T12:30:00Z", "DescribeInstances").from("ec2.amazonaws.com").in("eu-west-1"),
                Event.of("b3", "2024-05-15T13:00:00Z", "ConsoleLogin").from("signin.amazonaws.com").by("Bob"));
        TrailFiles.writeLog(logs, "us-east-1", "20240514T0605Z", day1);
        TrailFiles.writeLog(logs, "eu-west-1", "20240515T1305Z", day2);
        c = Case.open(dir.resolve("case"));
        c.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
    }

    @AfterAll
    static void close() throws IOException {
        c.close();
    }

    static long count(String query) throws Exception {
        return c.search().search(SearchRequest.of(query).withPage(0, null).withFacets(0)
                .withTimeline(false, null)).total();
    }

    @Test
    void fieldQueriesAreCaseInsensitiveOnValues() throws Exception {
        assertThat(count("")).isEqualTo(63);
        assertThat(count("eventName:GetObject")).isEqualTo(20);
        assertThat(count("eventName:getobject")).isEqualTo(20);
        assertThat(count("userIdentity.userName:bob")).isEqualTo(1);
        assertThat(count("requestParameters.bucketName:evidence-bucket")).isEqualTo(62);
    }

    @Test
    void bareWordsSearchEveryValue() throws Exception {
        assertThat(count("mallory")).isEqualTo(6);
        assertThat(count("accessdenied")).isEqualTo(6);
        assertThat(count("203.0.113.7")).isEqualTo(63);
    }

    @Test
    void booleanOperatorsWildcardsAndPhrases() throws Exception {
        assertThat(count("eventName:GetObject AND errorCode:AccessDenied")).isEqualTo(2);
        assertThat(count("eventName:GetObject OR eventName:RunInstances")).isEqualTo(21);
        assertThat(count("eventName:*Instances")).isEqualTo(2);
        assertThat(count("eventName:Describe*")).isEqualTo(1);
        assertThat(count("NOT eventSource:s3.amazonaws.com")).isEqualTo(3);
        assertThat(count("userAgent:\"aws-cli/2.15.0 Python/3.11\"")).isEqualTo(63);
        assertThat(count("-awsRegion:us-east-1")).isEqualTo(2);
    }

    @Test
    void existsWorksOnLeavesAndObjects() throws Exception {
        assertThat(count("_exists_:errorCode")).isEqualTo(6);
        assertThat(count("NOT _exists_:errorCode")).isEqualTo(57);
        assertThat(count("NOT _exists_:requestParameters")).isEqualTo(1); // DescribeInstances has null
        assertThat(count("_exists_:userIdentity")).isEqualTo(63);
        assertThat(count("errorCode:*")).isEqualTo(6);
    }

    @Test
    void eventTimeRanges() throws Exception {
        assertThat(count("eventTime:[2024-05-15T00:00Z TO 2024-05-16T00:00Z]")).isEqualTo(3);
        assertThat(count("eventTime:[2024-05-14T00:00Z TO 2024-05-14T01:00Z}")).isEqualTo(10);
        assertThat(count("eventTime:2024-05-15")).isEqualTo(3);
        assertThat(count("eventTime:[* TO 2024-05-14]")).isEqualTo(60);
    }

    @Test
    void badQueriesSayWhereInOneLine() {
        assertThatThrownBy(() -> count("eventName:(GetObject"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageStartingWith("Syntax error at column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> count("eventTime:[yesterday TO now]"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("is not a time");
        assertThatThrownBy(() -> count("AND AND"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("column");
    }

    @Test
    void facetsDrillSideways() throws Exception {
        var request = SearchRequest.of("").withFilter("eventName", new FacetFilter(Set.of("GetObject"), Set.of()));
        SearchResponse r = c.search().search(request);

        assertThat(r.total()).isEqualTo(20);
        // the selected dimension still shows the other names, counted without its own filter
        assertThat(r.facets().get("eventName")).extracting(FacetCount::value)
                .contains("GetObject", "ListBuckets", "RunInstances");
        // other dimensions are counted under the selection
        assertThat(r.facets().get("errorCode")).containsExactly(new FacetCount("AccessDenied", 2));
        assertThat(r.facets().get("awsRegion")).containsExactly(new FacetCount("us-east-1", 20));
    }

    @Test
    void facetValuesMatchExactlyAndKeepTheirCase() throws Exception {
        var bob = SearchRequest.of("").withFilter("userIdentity.arn",
                new FacetFilter(Set.of("arn:aws:iam::111122223333:user/Bob"), Set.of()));
        assertThat(c.search().search(bob).total()).isEqualTo(1);
        var lowered = SearchRequest.of("").withFilter("userIdentity.arn",
                new FacetFilter(Set.of("arn:aws:iam::111122223333:user/bob"), Set.of()));
        assertThat(c.search().search(lowered).total()).isZero();
    }

    @Test
    void excludeFiltersOnFacetsAndOtherFields() throws Exception {
        var noS3 = SearchRequest.of("").withFilter("eventSource", new FacetFilter(Set.of(), Set.of("s3.amazonaws.com")));
        assertThat(c.search().search(noS3).total()).isEqualTo(3);
        var noMallory = SearchRequest.of("").withFilter("userIdentity.userName", new FacetFilter(Set.of(), Set.of("MALLORY")));
        assertThat(c.search().search(noMallory).total()).isEqualTo(57);
    }

    @Test
    void timelineFitsTheRangeAndAddsUpToTheTotal() throws Exception {
        var range = TimeRange.of(Instant.parse("2024-05-14T00:00:00Z"), Instant.parse("2024-05-14T06:00:00Z"));
        SearchResponse r = c.search().search(SearchRequest.of("").withRange(range));

        Timeline t = r.timeline();
        assertThat(t.interval()).isEqualTo(BucketInterval.FIVE_MINUTES);
        assertThat(t.starts()[0]).isEqualTo(Instant.parse("2024-05-14T00:00:00Z").toEpochMilli());
        assertThat(java.util.Arrays.stream(t.counts()).sum()).isEqualTo(r.total()).isEqualTo(60);
    }

    @Test
    void timelineSplitsByAField() throws Exception {
        SearchResponse r = c.search().search(SearchRequest.of("").withTimeline(true, "errorCode"));
        Map<String, long[]> series = r.timeline().series();
        assertThat(series.keySet()).containsExactlyInAnyOrder("AccessDenied", Timeline.MISSING);
        assertThat(java.util.Arrays.stream(series.get("AccessDenied")).sum()).isEqualTo(6);
    }

    @Test
    void pagesCoverEveryHitOnceInTimeOrder() throws Exception {
        for (SortOrder order : SortOrder.values()) {
            Set<String> seen = new HashSet<>();
            List<Long> times = new ArrayList<>();
            Cursor cursor = null;
            do {
                SearchResponse page = c.search().search(SearchRequest.of("").withSort(order).hitsOnly(7, cursor));
                page.hits().forEach(h -> {
                    assertThat(seen.add(h.json())).isTrue();
                    times.add(h.time());
                });
                cursor = page.next();
            } while (cursor != null);
            assertThat(seen).hasSize(63);
            List<Long> sorted = new ArrayList<>(times);
            sorted.sort(order == SortOrder.OLDEST_FIRST ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
            assertThat(times).isEqualTo(sorted);
        }
    }

    @Test
    void hitsCarryTheOriginalRecordAndItsFile() throws Exception {
        SearchResponse r = c.search().search(SearchRequest.of("eventName:ConsoleLogin"));
        assertThat(r.hits()).hasSize(1);
        assertThat(r.hits().get(0).json()).startsWith("{\"eventVersion\":\"1.09\"").contains("\"eventID\":\"b3\"");
        assertThat(r.hits().get(0).file()).endsWith(".json.gz").contains("eu-west-1");
    }

    @Test
    void listsTheFieldPathsOfTheCase() throws Exception {
        assertThat(c.search().fieldPaths()).contains("eventName", "userIdentity.arn", "requestParameters.bucketName",
                "requestParameters");
    }

    @Test
    void aScanVisitsEveryHitOnceInOrderFromOneView() throws Exception {
        List<EventHit> seen = new ArrayList<>();
        long[] announced = {-1};
        boolean finished = c.search().scan(SearchRequest.of("eventName:ListBuckets").withSort(SortOrder.OLDEST_FIRST),
                new SearchService.HitVisitor() {
                    @Override
                    public void total(long total) {
                        announced[0] = total;
                    }

                    @Override
                    public void hit(EventHit hit) {
                        seen.add(hit);
                    }
                }, Cancellation.none());

        assertThat(finished).isTrue();
        assertThat(announced[0]).isEqualTo(40);
        assertThat(seen).hasSize(40).extracting(EventHit::time).isSorted();
    }

    @Test
    void aQueryWithoutHitsHasAnEmptyTimeline() throws Exception {
        SearchResponse none = c.search().search(SearchRequest.of("eventName:NoSuchCall"));

        assertThat(none.total()).isZero();
        assertThat(none.timeline().size()).isZero();
    }

    @Test
    void theTimelineSplitsByFacetFieldsOnly() {
        assertThatThrownBy(() -> SearchRequest.of("").withTimeline(true, "requestParameters.bucketName"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("facet field");
    }
}

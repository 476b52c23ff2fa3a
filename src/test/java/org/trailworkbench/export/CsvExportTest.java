package org.trailworkbench.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SortOrder;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports from a real index, across several pages of hits. */
class CsvExportTest {

    static final int EVENTS = 2_500;

    @TempDir
    static Path dir;
    static Case c;
    static CsvExport export;

    @BeforeAll
    static void buildCase() throws IOException {
        Path logs = dir.resolve("logs");
        List<ObjectNode> batch = new ArrayList<>();
        Instant start = Instant.parse("2024-05-14T00:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
            String name = i % 5 == 0 ? "PutObject" : "GetObject";
            ObjectNode e = TestTrail.event(String.format("ev%05d", i), start.plusSeconds(i * 7L).toString(),
                    "s3.amazonaws.com", name, "us-east-1", i % 2 == 0 ? "alice" : "bob");
            if (i == 42) {
                e.put("userAgent", "=HYPERLINK(\"http://x\")");
            }
            batch.add(e);
            if (batch.size() == 1000 || i == EVENTS - 1) {
                TestTrail.writeLog(logs.resolve("part" + i), "us-east-1", "20240514T0005Z", batch);
                batch = new ArrayList<>();
            }
        }
        c = Case.open(dir.resolve("case"));
        c.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        export = new CsvExport(c.search());
    }

    @AfterAll
    static void close() throws IOException {
        c.close();
    }

    static List<List<String>> read(Path file) throws IOException {
        return Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void exportsEveryEventInOrderAcrossPages() throws Exception {
        Path out = dir.resolve("all.csv");
        List<long[]> progress = new ArrayList<>();
        ExportResult result = export.toFile(SearchRequest.of("").withSort(SortOrder.OLDEST_FIRST), out,
                ExportOptions.DEFAULTS, (rows, total) -> progress.add(new long[]{rows, total}), Cancellation.none());

        assertThat(result.rows()).isEqualTo(EVENTS);
        assertThat(result.total()).isEqualTo(EVENTS);
        assertThat(result.cancelled()).isFalse();
        assertThat(result.file()).isEqualTo(out.toAbsolutePath());
        List<List<String>> rows = read(out);
        assertThat(rows.get(0)).isEqualTo(ExportOptions.DEFAULT_COLUMNS);
        assertThat(rows).hasSize(EVENTS + 1);
        assertThat(rows.get(1)).containsExactly("2024-05-14T00:00:00Z", "s3.amazonaws.com", "PutObject", "us-east-1",
                "arn:aws:iam::111122223333:user/alice", "203.0.113.7", "", "ev00000");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(7))
                .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(EVENTS)
                        .map(i -> String.format("ev%05d", i)).toList());
        assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
        assertThat(progress.get(progress.size() - 1)).containsExactly(EVENTS, EVENTS);
        assertThat(Files.list(dir)).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }

    @Test
    void exportsExactlyWhatTheRequestSelects() throws Exception {
        SearchRequest request = SearchRequest.of("eventName:PutObject")
                .withFilter("userIdentity.userName", new FacetFilter(Set.of("alice"), Set.of()))
                .withRange(org.trailworkbench.search.TimeRange.of(Instant.parse("2024-05-14T01:00:00Z"), null));
        long expected = c.search().search(request.hitsOnly(0, null)).total();
        Path out = dir.resolve("some.csv");
        ExportResult result = export.toFile(request, out,
                ExportOptions.DEFAULTS.withColumns(List.of("eventID", "userIdentity.userName", "eventName", "userAgent")),
                ExportListener.SILENT, Cancellation.none());

        List<List<String>> rows = read(out);
        assertThat(expected).isPositive();
        assertThat(result.rows()).isEqualTo(expected);
        assertThat(rows).hasSize((int) expected + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
            assertThat(r.get(1)).isEqualTo("alice");
            assertThat(r.get(2)).isEqualTo("PutObject");
        });
    }

    @Test
    void neutralisesFormulasUnlessRawIsAsked() throws Exception {
        SearchRequest one = SearchRequest.of("eventID:ev00042");
        ExportOptions ua = ExportOptions.DEFAULTS.withColumns(List.of("userAgent"));
        Path safe = dir.resolve("safe.csv");
        Path raw = dir.resolve("raw.csv");
        export.toFile(one, safe, ua, ExportListener.SILENT, Cancellation.none());
        export.toFile(one, raw, ua.withRawFormulas(true), ExportListener.SILENT, Cancellation.none());

        assertThat(read(safe).get(1)).containsExactly("'=HYPERLINK(\"http://x\")");
        assertThat(read(raw).get(1)).containsExactly("=HYPERLINK(\"http://x\")");
    }

    @Test
    void noHitsWritesJustTheHeader() throws Exception {
        Path out = dir.resolve("empty.csv");
        ExportResult result = export.toFile(SearchRequest.of("eventName:NoSuchCall"), out, ExportOptions.DEFAULTS,
                ExportListener.SILENT, Cancellation.none());

        assertThat(result.rows()).isZero();
        assertThat(Files.readString(out)).isEqualTo(
                "eventTime,eventSource,eventName,awsRegion,userIdentity.arn,sourceIPAddress,errorCode,eventID\r\n");
    }

    @Test
    void aCancelledExportLeavesNoFileAndKeepsAnEarlierOne() throws Exception {
        Path fresh = dir.resolve("cancelled.csv");
        Cancellation cancel = new Cancellation();
        ExportResult result = export.toFile(SearchRequest.of(""), fresh, ExportOptions.DEFAULTS,
                (rows, total) -> cancel.cancel(), cancel);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.rows()).isZero(); // cancelled at the first report, before any row
        assertThat(result.file()).isNull();
        assertThat(fresh).doesNotExist();

        Path earlier = dir.resolve("earlier.csv");
        Files.writeString(earlier, "keep me");
        Cancellation again = new Cancellation();
        export.toFile(SearchRequest.of(""), earlier, ExportOptions.DEFAULTS, (rows, total) -> again.cancel(), again);
        assertThat(earlier).hasContent("keep me");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        }
    }

    @Test
    void aBadQueryFailsBeforeAnyFileIsMade() {
        Path out = dir.resolve("bad.csv");
        assertThatThrownBy(() -> export.toFile(SearchRequest.of("eventName:(Get"), out, ExportOptions.DEFAULTS,
                ExportListener.SILENT, Cancellation.none())).isInstanceOf(QuerySyntaxException.class);
        assertThat(out).doesNotExist();
    }

    @Test
    void writesToAStreamWithAnOptionalBom() throws Exception {
        StringWriter text = new StringWriter();
        ExportResult result = export.toWriter(SearchRequest.of("eventID:ev00001"), text,
                ExportOptions.DEFAULTS.withColumns(List.of("eventID")).withUtf8Bom(true), ExportListener.SILENT,
                Cancellation.none());

        assertThat(result.file()).isNull();
        assertThat(text.toString()).isEqualTo("\uFEFFeventID\r\nev00001\r\n");
    }

    @Test
    void aMissingFolderIsAPlainError() {
        assertThatThrownBy(() -> export.toFile(SearchRequest.of(""), dir.resolve("no/such/dir/x.csv"),
                ExportOptions.DEFAULTS, ExportListener.SILENT, Cancellation.none()))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void eventsOfTheSameSecondComeInEventIdOrderWhateverTheImportOrder(@TempDir Path own) throws Exception {
        // stored in the order z, y, x, ..., all at one second: the export lists them a..z both ways
        List<ObjectNode> events = new ArrayList<>();
        for (char id = 'z'; id >= 'a'; id--) {
            events.add(TestTrail.event("same-" + id, "2024-06-01T00:00:00Z", "s3.amazonaws.com", "GetObject",
                    "us-east-1", "alice"));
        }
        events.add(TestTrail.event("earlier", "2024-05-31T23:59:59Z", "s3.amazonaws.com", "GetObject",
                "us-east-1", "alice"));
        TestTrail.writeLog(own.resolve("logs"), "us-east-1", "20240601T0005Z", events);
        try (Case one = Case.open(own.resolve("case"))) {
            one.importPath(own.resolve("logs"), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            for (SortOrder order : SortOrder.values()) {
                StringWriter out = new StringWriter();
                new CsvExport(one.search()).toWriter(SearchRequest.of("").withSort(order), out,
                        new ExportOptions(List.of("eventID"), false, false), ExportListener.SILENT, Cancellation.none());
                List<String> ids = Rfc4180.parse(out.toString()).stream().skip(1).map(row -> row.get(0)).toList();
                List<String> same = new ArrayList<>();
                for (char id = 'a'; id <= 'z'; id++) {
                    same.add("same-" + id);
                }
                List<String> expected = new ArrayList<>(same);
                if (order == SortOrder.NEWEST_FIRST) {
                    expected.add("earlier");
                } else {
                    expected.add(0, "earlier");
                }
                assertThat(ids).as(order.toString()).containsExactlyElementsOf(expected);
            }
        }
    }
}

package org.trailworkbench.casefile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseImportTest {

    @TempDir
    Path dir;

    static List<Event> events(String prefix, int n, String day) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Event.of(prefix + i, day + "T10:" + String.format("%02d", i % 60) + ":00Z", "GetObject"));
        }
        return events;
    }

    ImportReport importInto(Case c, Path source) throws IOException {
        return c.importPath(source, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
    }

    @Test
    void reDeliveredEventsAreKeptOnceAndReImportIsANoOp() throws IOException {
        Path logs = dir.resolve("logs");
        TrailFiles.writeLog(logs, "us-east-1", "20240514T1005Z", events("e", 50, "2024-05-14"));
        // CloudTrail re-delivers: the same 20 events again in a later file
        TrailFiles.writeLog(logs, "us-east-1", "20240514T1010Z", events("e", 20, "2024-05-14"));

        try (Case c = Case.open(dir.resolve("case"))) {
            ImportReport first = importInto(c, logs);
            assertThat(first.eventsRead()).isEqualTo(70);
            assertThat(first.eventsAfter()).isEqualTo(50);
            assertThat(first.count(FileStatus.IMPORTED)).isEqualTo(2);

            ImportReport again = importInto(c, logs);
            assertThat(again.unchanged()).isEqualTo(2);
            assertThat(again.eventsRead()).isZero();
            assertThat(again.newEvents()).isZero();
        }
        try (Case reopened = Case.open(dir.resolve("case"))) {
            assertThat(reopened.index().eventCount()).isEqualTo(50);
            assertThat(reopened.manifest().files()).hasSize(2)
                    .allSatisfy(f -> {
                        assertThat(f.sha256()).hasSize(64);
                        assertThat(f.size()).isPositive();
                        assertThat(f.kind()).isEqualTo(FileKind.EVENTS);
                        assertThat(f.importedAt()).isNotNull();
                    });
        }
    }

    @Test
    void aCaseIndexedUnderAnotherSchemaIsRefusedWithTheWayOut() throws IOException {
        Path logs = dir.resolve("logs");
        TrailFiles.writeLog(logs, "us-east-1", "20240514T1005Z", events("e", 5, "2024-05-14"));
        Path caseDir = dir.resolve("case");
        try (Case c = Case.open(caseDir)) {
            importInto(c, logs);
        }
        // what an older version left: the same events, committed under schema 1
        try (var directory = org.apache.lucene.store.FSDirectory.open(caseDir.resolve("index"));
             var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig()
                     .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(java.util.Map.of(org.trailworkbench.index.Fields.SCHEMA_KEY, "1").entrySet());
            writer.commit();
        }
        assertThatThrownBy(() -> Case.open(caseDir).close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("index schema 1")
                .hasMessageContaining("trail-workbench rebuild --case " + caseDir);
    }

    @Test
    void aChangedFileUnderTheSamePathIsReportedAndImported() throws IOException {
        Path logs = dir.resolve("logs");
        Path file = TrailFiles.writeLog(logs, "us-east-1", "20240514T1005Z", events("e", 5, "2024-05-14"));
        try (Case c = Case.open(dir.resolve("case"))) {
            importInto(c, logs);
            Files.write(file, TrailFiles.gzip(TrailFiles.logFile(events("f", 7, "2024-05-14"))));

            ImportReport report = importInto(c, logs);

            assertThat(report.changed()).hasSize(1);
            assertThat(report.changed().get(0).record().id()).isEqualTo(file.toString());
            assertThat(report.eventsAfter()).isEqualTo(12);
        }
    }

    @Test
    void badFilesAreReportedWithReasonAndTheRestGoesOn() throws Exception {
        Path logs = dir.resolve("logs");
        TrailFiles.writeLog(logs, "us-east-1", "20240514T1005Z", events("good", 10, "2024-05-14"));
        byte[] whole = TrailFiles.gzip(TrailFiles.logFile(events("cut", 30, "2024-05-14")));
        Files.write(logs.resolve("truncated.json.gz"), java.util.Arrays.copyOf(whole, whole.length - 10));
        Files.write(logs.resolve("cut-in-first-record.json.gz"), java.util.Arrays.copyOf(whole, 60));
        Files.writeString(logs.resolve("broken.json"), "{\"Records\":[" + events("bad", 1, "2024-05-14").get(0).json() + ",{oops");
        Files.writeString(logs.resolve("empty.json"), "");
        Files.writeString(logs.resolve("notes.json"), "{\"todo\":\"not a trail\"}");
        Files.write(logs.resolve("random.gz"), new byte[]{1, 2, 3, 4, 5});
        Files.writeString(logs.resolve("README.md"), "# not imported");

        try (Case c = Case.open(dir.resolve("case"))) {
            ImportReport report = importInto(c, logs);

            assertThat(report.count(FileStatus.IMPORTED)).isEqualTo(1);
            assertThat(report.problems()).extracting(o -> Path.of(o.record().id()).getFileName().toString() + " "
                            + o.record().status())
                    .containsExactlyInAnyOrder("truncated.json.gz DAMAGED", "cut-in-first-record.json.gz DAMAGED",
                            "broken.json DAMAGED", "empty.json EMPTY",
                            "notes.json NOT_CLOUDTRAIL", "random.gz NOT_CLOUDTRAIL");
            assertThat(report.problems()).allSatisfy(o -> assertThat(o.record().reason()).isNotBlank());
            assertThat(report.skipped()).extracting(ImportReport.Skipped::path).anyMatch(p -> p.endsWith("README.md"));
            // the records before the damage are kept
            assertThat(c.search().search(SearchRequest.of("eventID:bad0")).total()).isEqualTo(1);
            assertThat(report.eventsAfter()).isGreaterThan(11);
        }
    }

    @Test
    void pathFiltersSelectAccountsRegionsAndDaysBeforeReading() throws IOException {
        Path logs = dir.resolve("logs");
        TrailFiles.writeLog(logs, "us-east-1", "20240514T1005Z", events("a", 3, "2024-05-14"));
        TrailFiles.writeLog(logs, "eu-west-1", "20240514T1005Z", events("b", 4, "2024-05-14"));
        TrailFiles.writeLog(logs, "eu-west-1", "20240516T1005Z", events("c", 5, "2024-05-16"));
        try (Case c = Case.open(dir.resolve("case"))) {
            var filter = new SourceFilter(Set.of("111122223333"), Set.of("eu-west-1"), LocalDate.of(2024, 5, 15), null);
            ImportReport report = c.importPath(logs, filter, ImportListener.SILENT, Cancellation.none());
            assertThat(report.filteredOut()).isEqualTo(2);
            assertThat(report.eventsAfter()).isEqualTo(5);
        }
    }

    @Test
    void progressIsReportedAndCancelKeepsWhatWasFinished() throws IOException {
        Path logs = dir.resolve("logs");
        for (int f = 0; f < 40; f++) {
            TrailFiles.writeLog(logs, "us-east-1", "20240514T10" + String.format("%02d", f) + "Z", events("f" + f + "-", 200, "2024-05-14"));
        }
        Cancellation cancel = new Cancellation();
        AtomicReference<ImportProgress> last = new AtomicReference<>();
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(ImportProgress progress) {
                last.set(progress);
            }

            @Override
            public void fileFinished(FileOutcome outcome) {
                if (last.get() == null || outcome.record().events() > 0) {
                    cancel.cancel();
                }
            }
        };
        try (Case c = Case.open(dir.resolve("case"))) {
            ImportReport report = c.importPath(logs, SourceFilter.ALL, listener, cancel);
            assertThat(report.cancelled()).isTrue();
            assertThat(report.files().size()).isBetween(1, 39);
            assertThat(last.get().filesTotal()).isEqualTo(40);
            assertThat(c.manifest().size()).isEqualTo(report.files().size());

            ImportReport rest = importInto(c, logs);
            assertThat(rest.cancelled()).isFalse();
            assertThat(c.index().eventCount()).isEqualTo(40 * 200);
        }
    }

    @Test
    void refusesToTurnAFolderWithOtherContentIntoACase() throws IOException {
        Files.writeString(dir.resolve("important.txt"), "keep me");
        assertThatThrownBy(() -> Case.open(dir)).isInstanceOf(IOException.class).hasMessageContaining("not a Trail Workbench case");
        assertThat(Files.readString(dir.resolve("important.txt"))).isEqualTo("keep me");
    }
}

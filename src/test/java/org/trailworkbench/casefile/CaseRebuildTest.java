package org.trailworkbench.casefile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.index.DamagedIndexException;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.TrailFiles;
import org.trailworkbench.testing.TrailFiles.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rebuild reads again exactly the files whose bytes are still those imported, and says which are not. */
class CaseRebuildTest {

    @Test
    void filesChangedOrGoneSinceImportAreLeftOutAndReportedNotReadIn(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Path kept = TrailFiles.writeLog(logs, "us-east-1", "20240514T0100Z",
                List.of(Event.of("a1", "2024-05-14T01:00:00Z", "GetObject"), Event.of("a2", "2024-05-14T01:01:00Z", "PutObject")));
        Path changed = TrailFiles.writeLog(logs, "us-east-1", "20240514T0200Z",
                List.of(Event.of("b1", "2024-05-14T02:00:00Z", "GetObject")));
        Path gone = TrailFiles.writeLog(logs, "us-east-1", "20240514T0300Z",
                List.of(Event.of("c1", "2024-05-14T03:00:00Z", "GetObject")));
        Path caseDir = dir.resolve("case");
        try (Case c = Case.open(caseDir)) {
            c.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            assertThat(c.index().eventCount()).isEqualTo(4);
        }
        Files.write(changed, TrailFiles.gzip(TrailFiles.logFile(List.of(Event.of("forged", "2024-05-14T02:00:00Z", "DeleteBucket")))));
        Files.delete(gone);
        try (Stream<Path> segments = Files.list(caseDir.resolve("index"))) {
            for (Path s : segments.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.delete(s);
            }
        }
        assertThatThrownBy(() -> Case.open(caseDir)).isInstanceOf(DamagedIndexException.class)
                .hasMessageStartingWith("the case index is damaged");
        assertThat(CaseCheck.run(caseDir).healthy()).isFalse();

        RebuildReport report = new CaseRebuild(caseDir, new LocalSources(), 2).run(ImportListener.SILENT, Cancellation.none());

        assertThat(report.leftOut()).extracting(RebuildReport.LeftOut::id)
                .containsExactlyInAnyOrder(changed.toString(), gone.toString());
        assertThat(report.leftOut()).filteredOn(l -> l.id().equals(changed.toString())).singleElement()
                .extracting(RebuildReport.LeftOut::reason).asString().startsWith("changed since it was imported (SHA-256 was ");
        assertThat(report.keptIn().resolve("index")).isDirectory();
        try (Stream<Path> entries = Files.list(caseDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".rebuild-"));
        }
        try (Case c = Case.open(caseDir)) {
            assertThat(c.search().search(SearchRequest.of("").withPage(10, null)).total()).isEqualTo(2);
            assertThat(c.search().search(SearchRequest.of("eventName:DeleteBucket").withPage(10, null)).total()).isZero();
            assertThat(c.manifest().get(changed.toString())).get().satisfies(r -> {
                assertThat(r.status()).isEqualTo(FileStatus.FAILED);
                assertThat(r.reason()).startsWith("left out by rebuild: changed since it was imported");
            });
            assertThat(c.manifest().get(kept.toString()).orElseThrow().status()).isEqualTo(FileStatus.IMPORTED);

            ImportReport again = c.importPath(logs, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            assertThat(again.count(FileStatus.IMPORTED)).isEqualTo(1); // the changed file, read on purpose now
            assertThat(c.search().search(SearchRequest.of("eventName:DeleteBucket").withPage(10, null)).total()).isEqualTo(1);
        }
        assertThat(CaseCheck.run(caseDir).healthy()).isTrue();
    }
}

package org.trailworkbench.casefile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real CloudTrail data from public repositories (../shared/realdata); skipped when it is absent. */
class RealDataImportTest {

    static Path realData() {
        String configured = System.getProperty("trailworkbench.realdata", "../shared/realdata");
        Path dir = Path.of(configured);
        assumeTrue(Files.isDirectory(dir), "real data folder absent: " + dir);
        return dir;
    }

    @Test
    void importsEveryShapeAndReportsTheBrokenFile(@TempDir Path caseDir) throws Exception {
        Path data = realData();
        try (Case c = Case.open(caseDir)) {
            ImportReport report = c.importPath(data, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            report.files().forEach(f -> System.out.println(f.record().status() + " " + f.record().events() + " "
                    + f.record().id() + " " + f.record().reason()));
            System.out.println("events read " + report.eventsRead() + " in case " + report.eventsAfter());
            var all = c.search().search(SearchRequest.of(""));
            System.out.println(all.total() + " " + all.facets());
            assertThat(report.eventsAfter()).isGreaterThan(2000);
        }
    }
}

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
            // the one file in the collection with a hand-made syntax error keeps its record before the damage
            assertThat(report.problems()).extracting(f -> Path.of(f.record().id()).getFileName() + " "
                    + f.record().status() + " " + f.record().events())
                    .containsExactly("aws.execution.ec2-user-data.json DAMAGED 1");
            assertThat(report.count(FileStatus.DIGEST)).isGreaterThanOrEqualTo(1);
            assertThat(report.count(FileStatus.FAILED)).isZero();
            assertThat(report.eventsAfter()).isGreaterThan(2000);
            var all = c.search().search(SearchRequest.of(""));
            assertThat(all.total()).isEqualTo(report.eventsAfter());
            // the odd shapes land in the facets with their values intact
            assertThat(all.facets().get("eventSource")).extracting(f -> f.value()).contains("s3.amazonaws.com",
                    "iam.amazonaws.com", "sts.amazonaws.com");
            assertThat(all.facets().get("userIdentity.type")).extracting(f -> f.value()).contains("AssumedRole",
                    "IAMUser", "Root");
        }
    }
}

package org.trailworkbench.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrailPathTest {

    @Test
    void parsesTheS3LayoutWithPrefixAndOrganization() {
        TrailPath p = TrailPath.parse("logs/trail/AWSLogs/o-abc123def4/111122223333/CloudTrail/eu-west-1/2024/05/14/"
                + "111122223333_CloudTrail_eu-west-1_20240514T0605Z_AbCdEfGh12345678.json.gz").orElseThrow();
        assertThat(p).isEqualTo(new TrailPath("o-abc123def4", "111122223333", "eu-west-1", LocalDate.of(2024, 5, 14),
                FileKind.EVENTS));
    }

    @Test
    void tellsDigestsAndInsightsFromThePath() {
        assertThat(TrailPath.parse("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/05/14/x.json.gz")
                .orElseThrow().kind()).isEqualTo(FileKind.DIGEST);
        assertThat(TrailPath.parse("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2024/05/14/x.json.gz")
                .orElseThrow().kind()).isEqualTo(FileKind.INSIGHTS);
    }

    @Test
    void readsTheFactsFromAFileNameInAFlatFolder() {
        TrailPath p = TrailPath.parse("downloads/111122223333_CloudTrail_ap-southeast-2_20240514T0605Z_x.json.gz")
                .orElseThrow();
        assertThat(p.account()).isEqualTo("111122223333");
        assertThat(p.region()).isEqualTo("ap-southeast-2");
        assertThat(p.date()).isEqualTo(LocalDate.of(2024, 5, 14));
    }

    @Test
    void filtersByAccountRegionAndDay() {
        TrailPath p = TrailPath.parse("AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/14/f.json.gz").orElseThrow();
        assertThat(SourceFilter.ALL.accepts(p)).isTrue();
        assertThat(new SourceFilter(Set.of("111122223333"), Set.of("us-east-1"), null, null).accepts(p)).isTrue();
        assertThat(new SourceFilter(Set.of("999999999999"), Set.of(), null, null).accepts(p)).isFalse();
        assertThat(new SourceFilter(Set.of(), Set.of("eu-west-1"), null, null).accepts(p)).isFalse();
        assertThat(new SourceFilter(Set.of(), Set.of(), LocalDate.of(2024, 5, 14), LocalDate.of(2024, 5, 14)).accepts(p)).isTrue();
        assertThat(new SourceFilter(Set.of(), Set.of(), LocalDate.of(2024, 5, 15), null).accepts(p)).isFalse();
        assertThat(new SourceFilter(Set.of(), Set.of("us-east-1"), null, null).accepts(null)).isFalse();
    }
}

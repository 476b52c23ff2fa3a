package org.trailworkbench.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;

class KeyNamesTest {
    static final String DIGEST = "audit/AWSLogs/o-7k2m9x4q1z/210987654321/CloudTrail-Digest/eu-west-1/2025/03/03/"
            + "210987654321_CloudTrail-Digest_eu-west-1_org_trail_name_us-east-1_20250303T235959Z.json.gz";

    @Test
    void readsADigestKeyAndRebuildsItsNeighbours() {
        KeyNames.DigestName d = KeyNames.digest(DIGEST).orElseThrow();
        assertThat(d.prefix()).isEqualTo("audit/");
        assertThat(d.orgId()).isEqualTo("o-7k2m9x4q1z");
        assertThat(d.account()).isEqualTo("210987654321");
        assertThat(d.region()).isEqualTo("eu-west-1");
        assertThat(d.end()).isEqualTo(Instant.parse("2025-03-03T23:59:59Z"));
        assertThat(d.backfill()).isFalse();
        assertThat(d.keyAt(d.end())).isEqualTo(DIGEST);
        assertThat(d.keyAt(Instant.parse("2025-03-04T00:59:59Z"))).isEqualTo(DIGEST.replace("03/03/", "03/04/")
                .replace("20250303T235959Z", "20250304T005959Z"));
    }

    @Test
    void backfillDigestsFormTheirOwnChain() {
        KeyNames.DigestName normal = KeyNames.digest(DIGEST).orElseThrow();
        KeyNames.DigestName backfill = KeyNames.digest(DIGEST.replace(".json.gz", "_backfill.json.gz")).orElseThrow();
        assertThat(backfill.backfill()).isTrue();
        assertThat(backfill.chain()).isNotEqualTo(normal.chain());
        assertThat(backfill.scope()).isEqualTo(normal.scope());
    }

    @Test
    void logFilesShareTheirDigestsScope() {
        String log = "audit/AWSLogs/o-7k2m9x4q1z/210987654321/CloudTrail/eu-west-1/2025/03/03/"
                + "210987654321_CloudTrail_eu-west-1_20250303T2355Z_abcdefABCDEF0123.json.gz";
        KeyNames.FileName f = KeyNames.file(log).orElseThrow();
        assertThat(f.scope()).isEqualTo(KeyNames.digest(DIGEST).orElseThrow().scope());
        assertThat(f.delivered()).isEqualTo(Instant.parse("2025-03-03T23:55:00Z"));
        assertThat(f.insights()).isFalse();
        assertThat(KeyNames.tail(log)).startsWith("AWSLogs/");
        assertThat(KeyNames.prefix(log)).isEqualTo("audit/");
        assertThat(KeyNames.file("notes/readme.txt")).isEmpty();
        assertThat(KeyNames.digest("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2025/03/03/renamed.json.gz")).isEmpty();
    }
}

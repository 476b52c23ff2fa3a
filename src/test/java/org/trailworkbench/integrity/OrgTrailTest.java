package org.trailworkbench.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.integrity.Evidence.findings;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An organization trail (two member accounts, two regions, under a key prefix): every chain verified on
 * its own, a copy taken from below the prefix still verifiable, and the account, region and time filters.
 */
class OrgTrailTest {
    static final List<String> ACCOUNTS = List.of("210987654321", "345678901234");

    @TempDir
    static Path dir;
    static GeneratedTrail pristine;

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec spec = TrailSpec.builder().seed(77).accounts(ACCOUNTS).orgId("o-7k2m9x4q1z")
                .regions(List.of("us-east-1", "eu-central-1")).prefix("audit/cloudtrail").bucket("org-trail-logs")
                .trailName("org-trail").start(Instant.parse("2025-03-03T00:00:00Z")).days(1).eventsPerDay(800).build();
        pristine = new TrailGenerator(spec).generate(dir.resolve("trail"));
    }

    @Test
    void everyChainOfEveryAccountAndRegionIsValid() throws IOException {
        VerificationReport r = Evidence.copyOf(pristine, dir.resolve("all")).verify();
        assertThat(findings(r)).isEmpty();
        assertThat(r.allValid()).isTrue();
        assertThat(r.count(Verdict.DIGEST_VALID)).isEqualTo(pristine.counts().digests());
        assertThat(r.count(Verdict.LOG_VALID)).isEqualTo(pristine.counts().logFiles());
    }

    @Test
    void aCopyTakenBelowThePrefixIsStillVerifiable() throws IOException {
        // The digests name "audit/cloudtrail/AWSLogs/..."; this copy's keys start at "AWSLogs/".
        Path below = pristine.root().resolve("audit/cloudtrail");
        VerificationReport r = new Verification(new FolderSource(below, pristine.root().resolve("public-keys.json")),
                VerificationScope.ALL, 2).run(VerificationListener.SILENT, Cancellation.none());
        assertThat(findings(r)).isEmpty();
        assertThat(r.count(Verdict.DIGEST_VALID)).isEqualTo(pristine.counts().digests());
    }

    @Test
    void tamperingInOneAccountLeavesTheOtherValid() throws IOException {
        Evidence e = Evidence.copyOf(pristine, dir.resolve("one-account"));
        Path log = e.logs(ACCOUNTS.get(1), "eu-central-1").get(2);
        Files.write(log, Evidence.gzip("{\"Records\":[]}".getBytes()));

        assertThat(findings(e.verify())).containsExactly("LOG_HASH_MISMATCH " + e.key(log));
        VerificationReport first = e.verify(new VerificationScope(Set.of(ACCOUNTS.get(0)), Set.of(), null, null));
        assertThat(first.allValid()).isTrue();
        assertThat(first.items()).allSatisfy(i -> assertThat(i.key()).contains("/" + ACCOUNTS.get(0) + "/"));
        VerificationReport region = e.verify(new VerificationScope(Set.of(), Set.of("us-east-1"), null, null));
        assertThat(region.allValid()).isTrue();
        assertThat(region.items()).allSatisfy(i -> assertThat(i.key()).contains("/us-east-1/"));
    }

    @Test
    void aTimeRangeChecksItsHoursAndTheLinkIntoThem() throws IOException {
        Evidence e = Evidence.copyOf(pristine, dir.resolve("range"));
        List<Path> chain = e.digests(ACCOUNTS.get(0), "us-east-1");
        Instant from = Instant.parse("2025-03-03T10:00:00Z");
        Instant to = Instant.parse("2025-03-03T14:00:00Z");
        VerificationScope scope = new VerificationScope(Set.of(), Set.of(), from, to);

        VerificationReport r = e.verify(scope);
        assertThat(r.allValid()).isTrue();
        assertThat(r.items()).filteredOn(i -> i.kind() == ItemKind.DIGEST && i.key().contains(ACCOUNTS.get(0) + "/CloudTrail-Digest/us-east-1"))
                .hasSize(5); // four whole hours plus the one that straddles the start (chains tick off the hour)

        // A digest just before the range is not reported missing, but a broken link into the range is seen.
        int before = (int) chain.stream().filter(p -> KeyNames.digest(e.key(p)).orElseThrow().end().isBefore(from)).count() - 1;
        e.delete(chain.get(before));
        assertThat(findings(e.verify(scope))).isEmpty();
        e.delete(chain.get(before + 1));
        assertThat(findings(e.verify(scope))).contains("DIGEST_NOT_FOUND " + e.key(chain.get(before + 1)));
    }
}

package org.trailworkbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailLayoutTest {
    private static final String ACCOUNT = "(\\d{12})";
    private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-\\d)";
    private static final String DAY = "(\\d{4})/(\\d{2})/(\\d{2})";

    @TempDir
    static Path temp;
    static GeneratedTrail plain;
    static GeneratedTrail org;

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec base = TrailSpec.builder().seed(5).regions(List.of("us-east-1", "eu-central-1"))
                .start(Instant.parse("2025-06-30T00:00:00Z")).days(2).eventsPerDay(800).build();
        plain = new TrailGenerator(base).generate(temp.resolve("plain"));
        org = new TrailGenerator(base.toBuilder().accounts(List.of("123456789012", "210987654321"))
                .orgId("o-abcde12345").prefix("audit/trails").trailName("org-trail").build())
                .generate(temp.resolve("org"));
    }

    @Test
    void logFilesFollowCloudTrailsNaming() {
        Pattern log = Pattern.compile("AWSLogs/" + ACCOUNT + "/CloudTrail/" + REGION + "/" + DAY + "/\\1_CloudTrail_\\2_"
                + "\\3\\4\\5T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");
        List<String> logs = GeneratedFiles.keys(plain.root(), "CloudTrail");

        assertThat(logs).hasSize((int) plain.counts().logFiles());
        assertThat(logs).allMatch(key -> log.matcher(key).matches(), "matches " + log);
    }

    @Test
    void digestsNameTrailHomeRegionAndEndTimeWithSidecars() {
        Pattern digest = Pattern.compile("AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/" + DAY
                + "/\\1_CloudTrail-Digest_\\2_management-events_us-east-1_\\3\\4\\5T\\d{6}Z\\.json\\.gz");
        List<String> digests = GeneratedFiles.keys(plain.root(), "CloudTrail-Digest");
        List<String> all = GeneratedFiles.keys(plain.root());

        assertThat(digests).hasSize((int) plain.counts().digests());
        assertThat(digests).allMatch(key -> digest.matcher(key).matches(), "matches " + digest);
        assertThat(digests).allMatch(key -> all.contains(key + ".metadata.json"));
        assertThat(all).contains("public-keys.json");
    }

    @Test
    void insightsFilesFollowTheirNaming() {
        Pattern insight = Pattern.compile("AWSLogs/" + ACCOUNT + "/CloudTrail-Insight/" + REGION + "/" + DAY
                + "/\\1_CloudTrail-Insight_\\2_\\3\\4\\5T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz");

        assertThat(GeneratedFiles.keys(plain.root(), "CloudTrail-Insight")).hasSize(4)
                .allMatch(key -> insight.matcher(key).matches());
    }

    @Test
    void organizationTrailsNestAccountsUnderTheOrgAndThePrefix() {
        List<String> all = GeneratedFiles.keys(org.root());

        assertThat(all).filteredOn(key -> key.endsWith(".json.gz"))
                .allMatch(key -> key.startsWith("audit/trails/AWSLogs/o-abcde12345/123456789012/")
                        || key.startsWith("audit/trails/AWSLogs/o-abcde12345/210987654321/"));
        assertThat(all).anyMatch(key -> key.contains("/210987654321/CloudTrail-Digest/eu-central-1/"));
        assertThat(all).contains("public-keys.json");
    }

    @Test
    void everyRegionAndDayHasLogFiles() {
        List<String> logs = GeneratedFiles.keys(plain.root(), "CloudTrail");

        for (String folder : List.of("us-east-1/2025/06/30", "us-east-1/2025/07/01", "eu-central-1/2025/06/30",
                "eu-central-1/2025/07/01")) {
            assertThat(logs).anyMatch(key -> key.contains("/CloudTrail/" + folder + "/"));
        }
    }
}

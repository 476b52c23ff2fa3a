package org.trailworkbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLogsTest {
    private static final long TEN_MB = 10L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void theSampleFitsInTenMegabytesAndHoldsWhatItPromises() throws IOException {
        GeneratedTrail sample = new TrailGenerator(TrailSpec.sample()).generate(temp.resolve("sample"));

        assertThat(GeneratedFiles.apparentSize(sample.root())).isLessThan(TEN_MB);
        assertThat(GeneratedFiles.diskUsage(sample.root())).as("du with 4 KiB blocks").isLessThan(TEN_MB);
        assertThat(sample.counts().events()).isBetween(10_000L, 20_000L);
        assertThat(sample.counts().digests()).isGreaterThanOrEqualTo(3 * 72);
        assertThat(sample.counts().insightsFiles()).isEqualTo(4);
        assertThat(sample.spikes()).hasSize(2);
        List<String> logs = GeneratedFiles.keys(sample.root(), "CloudTrail");
        for (String region : List.of("us-east-1", "eu-west-1", "ap-southeast-2")) {
            assertThat(logs).anyMatch(key -> key.contains("/CloudTrail/" + region + "/"));
        }
    }

    /**
     * The committed sample-logs/ must be exactly what the generator writes today: a change to the generator
     * that alters the sample fails here until the sample is regenerated (see docs/EVIDENCE-FOLDER.md).
     */
    @Test
    void theCommittedSampleIsWhatTheGeneratorWrites() throws IOException {
        Path committed = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
        assumeTrue(Files.isDirectory(committed), "no sample-logs folder to compare with");
        Path fresh = new TrailGenerator(TrailSpec.sample()).generate(temp.resolve("fresh")).root();

        List<String> keys = GeneratedFiles.keys(fresh);
        assertThat(GeneratedFiles.keys(committed)).isEqualTo(keys);
        for (String key : keys) {
            assertThat(Files.readAllBytes(committed.resolve(key))).as(key)
                    .isEqualTo(Files.readAllBytes(fresh.resolve(key)));
        }
    }
}

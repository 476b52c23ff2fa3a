package org.trailworkbench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailDeterminismTest {

    private static final TrailSpec SPEC = TrailSpec.builder()
            .seed(42)
            .regions(List.of("eu-west-1", "us-east-1"))
            .start(Instant.parse("2025-05-02T00:00:00Z"))
            .days(2)
            .eventsPerDay(1_500)
            .duplicateRate(0.01)
            .build();

    @TempDir
    Path temp;

    @Test
    void sameSpecGivesSameBytesWhateverTheThreadCount() throws IOException {
        GeneratedTrail one = new TrailGenerator(SPEC, 1).generate(temp.resolve("one"));
        GeneratedTrail two = new TrailGenerator(SPEC, 4).generate(temp.resolve("two"));

        List<String> keys = GeneratedFiles.keys(one.root());
        assertThat(keys).hasSizeGreaterThan(100).isEqualTo(GeneratedFiles.keys(two.root()));
        for (String key : keys) {
            assertThat(Files.readAllBytes(two.root().resolve(key)))
                    .as(key).isEqualTo(Files.readAllBytes(one.root().resolve(key)));
        }
        assertThat(two.counts()).isEqualTo(one.counts());
        assertThat(two.spikes()).isEqualTo(one.spikes());
    }

    @Test
    void anotherSeedGivesAnotherTrail() throws IOException {
        GeneratedTrail one = new TrailGenerator(SPEC).generate(temp.resolve("one"));
        GeneratedTrail other = new TrailGenerator(SPEC.toBuilder().seed(43).build()).generate(temp.resolve("other"));

        assertThat(GeneratedFiles.keys(other.root())).isNotEqualTo(GeneratedFiles.keys(one.root()));
        assertThat(other.keys().fingerprint()).isNotEqualTo(one.keys().fingerprint());
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(temp.resolve("left-over.txt"), "x");

        assertThatThrownBy(() -> new TrailGenerator(SPEC).generate(temp))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");
    }

    @Test
    void keysDependOnlyOnTheSeed() {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        TrailKeys a = TrailKeys.derive(7, from, from.plusSeconds(86_400));
        TrailKeys b = TrailKeys.derive(7, from, from.plusSeconds(86_400));

        assertThat(b.publicKeyBase64()).isEqualTo(a.publicKeyBase64());
        assertThat(b.keyPair().getPrivate().getEncoded()).isEqualTo(a.keyPair().getPrivate().getEncoded());
        assertThat(((RSAPublicKey) a.keyPair().getPublic()).getModulus().bitLength())
                .isEqualTo(2048);
    }
}

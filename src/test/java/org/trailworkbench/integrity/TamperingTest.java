package org.trailworkbench.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.integrity.Evidence.findings;
import static org.trailworkbench.integrity.Evidence.item;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.DigestSigner;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each test tampers with a fresh copy of one generated trail (one account, two regions, one day) in one way
 * and asserts the exact verdicts: what was touched, what it affects, and that everything else stays valid.
 */
class TamperingTest {
    static final String ACCOUNT = "111122223333";
    static final String HOME = "us-east-1";
    static final String OTHER = "eu-west-1";

    @TempDir
    static Path pristineDir;
    static GeneratedTrail pristine;

    @TempDir
    Path copyDir;
    Evidence e;

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec spec = TrailSpec.builder().seed(424242).accounts(List.of(ACCOUNT)).regions(List.of(HOME, OTHER))
                .start(Instant.parse("2025-03-06T00:00:00Z")).days(1).eventsPerDay(1_500).build();
        pristine = new TrailGenerator(spec).generate(pristineDir.resolve("trail"));
    }

    @BeforeEach
    void copy() throws IOException {
        e = Evidence.copyOf(pristine, copyDir.resolve("evidence"));
    }

    @Test
    void anUntamperedTrailIsAllValid() throws IOException {
        VerificationReport r = e.verify();
        assertThat(findings(r)).isEmpty();
        assertThat(r.allValid()).isTrue();
        assertThat(r.count(Verdict.DIGEST_VALID)).isEqualTo(pristine.counts().digests());
        assertThat(r.count(Verdict.LOG_VALID)).isEqualTo(pristine.counts().logFiles());
        assertThat(r.count(Verdict.INSIGHTS_NOT_COVERED)).isEqualTo(pristine.counts().insightsFiles());
        assertThat(r.fingerprints()).containsExactly(pristine.keys().fingerprint());
        assertThat(r.items()).allSatisfy(i -> assertThat(i.isSettled()).isTrue());
    }

    @Test
    void aModifiedByteInALogBreaksItsHash() throws IOException {
        Path log = e.logs(ACCOUNT, HOME).get(10);
        byte[] json = Evidence.gunzip(log);
        int at = new String(json, StandardCharsets.ISO_8859_1).indexOf("\"eventName\":\"") + 13;
        json[at] = (byte) (json[at] == 'X' ? 'Y' : 'X');
        Files.write(log, Evidence.gzip(json));

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_HASH_MISMATCH " + e.key(log));
        assertThat(item(r, ItemKind.LOG, e.key(log)).coveringDigest()).contains("CloudTrail-Digest/" + HOME);
        assertThat(r.allValid()).isFalse();
    }

    @Test
    void aDeletedLogIsNotFound() throws IOException {
        Path log = e.logs(ACCOUNT, OTHER).get(3);
        Files.delete(log);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_NOT_FOUND " + e.key(log));
        assertThat(item(r, ItemKind.LOG, e.key(log)).present()).isFalse();
    }

    @Test
    void aDeletedDigestInTheMiddleIsNotFoundAndItsHourIsNotChecked() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, HOME);
        int k = e.busyDigest(chain, 2);
        List<String> logs = e.listedIn(chain.get(k));
        e.delete(chain.get(k));

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        logs.forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_NOT_FOUND " + e.key(chain.get(k)));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(item(r, ItemKind.DIGEST, e.key(chain.get(k + 1))).verdict()).isEqualTo(Verdict.DIGEST_VALID);
    }

    @Test
    void twoConsecutiveDeletedDigestsAreEachReported() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, OTHER);
        int k = 5;
        List<String> logs = new ArrayList<>(e.listedIn(chain.get(k)));
        logs.addAll(e.listedIn(chain.get(k + 1)));
        e.delete(chain.get(k));
        e.delete(chain.get(k + 1));

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        logs.forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_MISSING_IN_CHAIN " + e.key(chain.get(k)));
        expected.add("DIGEST_NOT_FOUND " + e.key(chain.get(k + 1)));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aDeletedNewestDigestIsSeenFromTheLogFilesAfterTheChainEnds() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, HOME);
        Path newest = chain.get(chain.size() - 1);
        List<String> logs = e.listedIn(newest);
        assertThat(logs).isNotEmpty();
        e.delete(newest);

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        logs.forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_MISSING_AT_END " + e.key(newest));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aDigestWithoutLogFilesDeletedAtTheEndIsSeenFromTheOtherRegionsCadence() throws IOException {
        // The generator's chains end an hour apart at most; make eu-west-1 end two hours early.
        List<Path> chain = e.digests(ACCOUNT, OTHER);
        List<Path> home = e.digests(ACCOUNT, HOME);
        Path last = chain.get(chain.size() - 1);
        Path beforeLast = chain.get(chain.size() - 2);
        List<String> logs = new ArrayList<>(e.listedIn(last));
        logs.addAll(e.listedIn(beforeLast));
        e.delete(last);
        e.delete(beforeLast);
        VerificationReport r = e.verify();

        Instant homeEnd = KeyNames.digest(e.key(home.get(home.size() - 1))).orElseThrow().end();
        Instant lastEnd = KeyNames.digest(e.key(last)).orElseThrow().end();
        List<String> expected = new ArrayList<>();
        logs.forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_MISSING_AT_END " + e.key(beforeLast));
        if (!lastEnd.isAfter(homeEnd) || !logs.isEmpty()) {
            expected.add("DIGEST_MISSING_AT_END " + e.key(last));
        }
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aModifiedDigestFailsItsSignatureAndItsLogsAreNotChecked() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, HOME);
        int k = e.busyDigest(chain, 2);
        ObjectNode d = e.readDigest(chain.get(k));
        ((ObjectNode) d.withArray("logFiles").get(0)).put("hashValue", "00".repeat(32));
        e.writeDigest(chain.get(k), d, false);

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        e.listedIn(chain.get(k)).forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_SIGNATURE_FAILED " + e.key(chain.get(k)));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aModifiedAndResignedDigestBreaksTheLinkFromItsSuccessor() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, HOME);
        int k = e.busyDigest(chain, 2);
        ObjectNode d = e.readDigest(chain.get(k));
        String dropped = e.listedIn(chain.get(k)).get(0);
        d.withArray("logFiles").remove(0);
        e.writeDigest(chain.get(k), d, true); // as if the signing key had leaked

        VerificationReport r = e.verify();
        // The successor's signed record of its predecessor no longer matches; the log dropped from the
        // listing shows up too. The successor's own log files are still checked: its signature holds.
        assertThat(findings(r)).containsExactlyInAnyOrder("DIGEST_PREVIOUS_HASH_MISMATCH " + e.key(chain.get(k + 1)),
                "LOG_NOT_IN_DIGEST " + dropped);
    }

    @Test
    void aChangedPreviousSignatureIsABrokenLink() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, OTHER);
        ObjectNode d = e.readDigest(chain.get(7));
        d.put("previousDigestSignature", "ab".repeat(256));
        e.writeDigest(chain.get(7), d, true);
        e.relinkAfter(chain, 7);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("DIGEST_PREVIOUS_SIGNATURE_MISMATCH " + e.key(chain.get(7)));
    }

    @Test
    void aForgedSignatureFails() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, OTHER);
        Path digest = chain.get(4);
        var otherKey = org.trailworkbench.generate.TrailKeys.derive(7, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        String forged = new DigestSigner(otherKey.keyPair()).sign(Evidence.gunzip(digest));
        Files.writeString(DigestSigner.sidecarPath(digest), DigestSigner.sidecarJson(forged));

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        e.listedIn(digest).forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_SIGNATURE_FAILED " + e.key(digest));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aMissingSidecarIsNotABadSignature() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, OTHER);
        Path digest = chain.get(4);
        Files.delete(DigestSigner.sidecarPath(digest));

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        e.listedIn(digest).forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_SIGNATURE_MISSING " + e.key(digest));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anotherSignatureAlgorithmIsRefused() throws IOException {
        Path digest = e.digests(ACCOUNT, OTHER).get(4);
        String sidecar = Files.readString(DigestSigner.sidecarPath(digest)).replace("SHA256withRSA", "SHA1withRSA");
        Files.writeString(DigestSigner.sidecarPath(digest), sidecar);

        VerificationReport r = e.verify();
        assertThat(item(r, ItemKind.DIGEST, e.key(digest)).verdict()).isEqualTo(Verdict.DIGEST_ALGORITHM_UNSUPPORTED);
    }

    @Test
    void withoutPublicKeysNoDigestIsValidAndNoLogIsChecked() throws IOException {
        Files.delete(e.root.resolve(FolderSource.PUBLIC_KEYS_FILE));

        VerificationReport r = e.verify();
        assertThat(r.count(Verdict.DIGEST_PUBLIC_KEY_NOT_FOUND)).isEqualTo(pristine.counts().digests());
        assertThat(r.count(Verdict.LOG_NOT_CHECKED)).isEqualTo(pristine.counts().logFiles());
        assertThat(r.keysProblem()).contains("public-keys.json does not exist");
    }

    @Test
    void aWrongPublicKeyIsNotFound() throws IOException {
        var otherKey = org.trailworkbench.generate.TrailKeys.derive(7, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        writeKeys(otherKey.publicKeyBase64(), otherKey.fingerprint(), "2020-01-01T00:00:00+00:00", "2030-01-01T00:00:00+00:00");

        VerificationReport r = e.verify();
        assertThat(r.count(Verdict.DIGEST_PUBLIC_KEY_NOT_FOUND)).isEqualTo(pristine.counts().digests());
        assertThat(item(r, ItemKind.DIGEST, e.key(e.digests(ACCOUNT, HOME).get(0))).reason())
                .contains(pristine.keys().fingerprint());
    }

    @Test
    void aKeyThatCannotBeParsedIsUnableToLoad() throws IOException {
        writeKeys("bm90IGEga2V5", pristine.keys().fingerprint(), "2020-01-01T00:00:00+00:00", "2030-01-01T00:00:00+00:00");

        VerificationReport r = e.verify();
        assertThat(r.count(Verdict.DIGEST_KEY_UNLOADABLE)).isEqualTo(pristine.counts().digests());
    }

    @Test
    void aKeyUsedOutsideItsValidityWindowIsRefused() throws IOException {
        writeKeys(pristine.keys().publicKeyBase64(), pristine.keys().fingerprint(), "2025-03-06T12:00:00+00:00",
                "2026-01-01T00:00:00+00:00");

        VerificationReport r = e.verify();
        assertThat(r.count(Verdict.DIGEST_KEY_OUTSIDE_VALIDITY)).isBetween(20L, 30L);
        assertThat(r.count(Verdict.DIGEST_VALID) + r.count(Verdict.DIGEST_KEY_OUTSIDE_VALIDITY))
                .isEqualTo(pristine.counts().digests());
    }

    private void writeKeys(String value, String fingerprint, String from, String to) throws IOException {
        Files.writeString(e.root.resolve(FolderSource.PUBLIC_KEYS_FILE), "{\"PublicKeyList\":[{\"Value\":\"" + value
                + "\",\"ValidityStartTime\":\"" + from + "\",\"ValidityEndTime\":\"" + to + "\",\"Fingerprint\":\""
                + fingerprint + "\"}]}");
    }

    @Test
    void aRenamedDigestHasBeenMovedAndIsNotFoundWhereItBelongs() throws IOException {
        List<Path> chain = e.digests(ACCOUNT, HOME);
        Path digest = chain.get(6);
        Path renamed = digest.resolveSibling(digest.getFileName().toString().replace("Z.json.gz", "Z-copy.json.gz"));
        Files.move(digest, renamed);
        Files.move(DigestSigner.sidecarPath(digest), DigestSigner.sidecarPath(renamed));

        VerificationReport r = e.verify();
        List<String> expected = new ArrayList<>();
        e.listedIn(renamed).forEach(l -> expected.add("LOG_NOT_CHECKED " + l));
        expected.add("DIGEST_NOT_FOUND " + e.key(digest));
        expected.add("DIGEST_MOVED " + e.key(renamed));
        assertThat(findings(r)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(item(r, ItemKind.DIGEST, e.key(digest)).reason()).contains("is at " + e.key(renamed));
    }

    @Test
    void anInjectedLogIsListedInNoDigest() throws IOException {
        Path model = e.logs(ACCOUNT, HOME).get(20);
        Path injected = model.resolveSibling(model.getFileName().toString().replaceAll("_[A-Za-z0-9]{16}\\.json\\.gz$",
                "_Injected00000000.json.gz"));
        Files.copy(model, injected);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_NOT_IN_DIGEST " + e.key(injected));
        assertThat(item(r, ItemKind.LOG, e.key(injected)).reason()).contains("does not list it");
    }

    @Test
    void aLogWithABackslashInItsNameKeepsItsExactKey() throws IOException {
        Path model = e.logs(ACCOUNT, HOME).get(20);
        Path injected = model.resolveSibling(model.getFileName().toString().replaceAll("_[A-Za-z0-9]{16}\\.json\\.gz$",
                "_Injected\\\\0000000.json.gz"));
        Files.copy(model, injected);
        String key = e.key(injected);
        assertThat(key).contains("_Injected\\0000000.json.gz").doesNotContain("Injected/");

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_NOT_IN_DIGEST " + key);
        assertThat(item(r, ItemKind.LOG, key).reason()).contains("does not list it");
    }

    @Test
    void aLogSwappedFromAnotherHourDoesNotMatch() throws IOException {
        List<Path> logs = e.logs(ACCOUNT, HOME);
        Path early = logs.get(5);
        Path late = logs.get(logs.size() - 5);
        Files.copy(early, late, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_HASH_MISMATCH " + e.key(late));
    }

    @Test
    void aTruncatedGzipIsInvalidFormat() throws IOException {
        Path log = e.logs(ACCOUNT, HOME).get(7);
        byte[] gz = Files.readAllBytes(log);
        Files.write(log, Arrays.copyOf(gz, gz.length / 2));

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_INVALID_FORMAT " + e.key(log));
        assertThat(item(r, ItemKind.LOG, e.key(log)).reason()).contains("ends inside the compressed data");
    }

    @Test
    void anAppendedGzipMemberIsRejectedThoughTheFirstMemberMatches() throws IOException {
        Path log = e.logs(ACCOUNT, HOME).get(8);
        byte[] extra = Evidence.gzip("{\"Records\":[{\"eventName\":\"Injected\"}]}".getBytes(StandardCharsets.UTF_8));
        Files.write(log, extra, java.nio.file.StandardOpenOption.APPEND);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_EXTRA_GZIP_MEMBER " + e.key(log));
    }

    @Test
    void dataAfterTheGzipStreamIsRejected() throws IOException {
        Path log = e.logs(ACCOUNT, HOME).get(9);
        Files.write(log, "garbage".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_DATA_AFTER_GZIP " + e.key(log));
    }

    @Test
    void aStrippedGzipTrailerIsRejectedThoughTheContentMatches() throws IOException {
        Path log = e.logs(ACCOUNT, HOME).get(11);
        byte[] gz = Files.readAllBytes(log);
        Files.write(log, Arrays.copyOf(gz, gz.length - 8));

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("LOG_GZIP_TRAILER_MISSING " + e.key(log));
    }

    @Test
    void aLoggingGapIsANoticeNotAFailure() throws IOException {
        // Logging off for three hours: no digests and no log files then, and the chain restarts.
        List<Path> chain = e.digests(ACCOUNT, HOME);
        int restart = 10;
        for (int i = restart - 3; i < restart; i++) {
            for (String log : e.listedIn(chain.get(i))) {
                Files.delete(e.file(log));
            }
            e.delete(chain.get(i));
        }
        ObjectNode d = e.readDigest(chain.get(restart));
        for (String field : List.of("previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue",
                "previousDigestHashAlgorithm", "previousDigestSignature")) {
            d.set(field, NullNode.instance);
        }
        e.writeDigest(chain.get(restart), d, true);
        e.relinkAfter(chain, restart);

        VerificationReport r = e.verify();
        assertThat(findings(r)).containsExactly("GAP " + e.key(chain.get(restart)));
        VerificationItem gap = item(r, ItemKind.GAP, e.key(chain.get(restart)));
        String olderEnd = e.readDigest(chain.get(restart - 4)).get("digestEndTime").asText();
        String restartStart = d.get("digestStartTime").asText();
        assertThat(gap.reason()).isEqualTo("No log files were delivered by CloudTrail between " + olderEnd + " and "
                + restartStart);
        assertThat(r.allValid()).isTrue();
    }
}

package org.trailworkbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the digests the way an auditor would, using only the files and the JDK (plus BC for PKCS#1). */
class DigestChainTest {
    private static final DateTimeFormatter NAME_MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    @TempDir
    static Path temp;
    static GeneratedTrail trail;
    static Path root;
    /** Chains by "account region", digests in name (= end time) order. */
    static Map<String, List<String>> chains = new TreeMap<>();

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec spec = TrailSpec.builder().seed(11).accounts(List.of("111122223333", "444455556666"))
                .regions(List.of("us-east-1", "ap-southeast-2")).start(Instant.parse("2025-02-27T00:00:00Z"))
                .days(2).eventsPerDay(2_000).duplicateRate(0.01).build();
        trail = new TrailGenerator(spec).generate(temp.resolve("trail"));
        root = trail.root();
        for (String key : GeneratedFiles.keys(root, "CloudTrail-Digest")) {
            String[] parts = key.split("/");
            chains.computeIfAbsent(parts[1] + " " + parts[3], k -> new ArrayList<>()).add(key);
        }
    }

    @Test
    void everyHourOfEveryRegionHasADigest() {
        assertThat(chains).hasSize(4);
        for (List<String> chain : chains.values()) {
            assertThat(chain).hasSizeGreaterThanOrEqualTo(48);
            for (int i = 1; i < chain.size(); i++) {
                JsonNode previous = GeneratedFiles.readGz(root.resolve(chain.get(i - 1)));
                JsonNode digest = GeneratedFiles.readGz(root.resolve(chain.get(i)));
                assertThat(digest.get("digestStartTime").asText()).isEqualTo(previous.get("digestEndTime").asText());
                assertThat(Instant.parse(digest.get("digestEndTime").asText()))
                        .isEqualTo(Instant.parse(digest.get("digestStartTime").asText()).plusSeconds(3600));
            }
        }
    }

    @Test
    void listedHashesAreTheSha256OfTheUncompressedLogFiles() {
        int listed = 0;
        for (String key : GeneratedFiles.keys(root, "CloudTrail-Digest")) {
            JsonNode digest = GeneratedFiles.readGz(root.resolve(key));
            assertThat(digest.get("digestS3Object").asText()).isEqualTo(key);
            for (JsonNode file : digest.get("logFiles")) {
                byte[] content = GeneratedFiles.gunzip(root.resolve(file.get("s3Object").asText()));
                assertThat(file.get("hashValue").asText()).isEqualTo(GeneratedFiles.sha256Hex(content));
                assertThat(file.get("hashAlgorithm").asText()).isEqualTo("SHA-256");
                assertThat(file.get("s3Bucket").asText()).isEqualTo(digest.get("digestS3Bucket").asText());
                listed++;
            }
        }
        assertThat(listed).isEqualTo(trail.counts().logFiles());
    }

    @Test
    void everyLogFileIsInExactlyOneDigestTheOneWhoseHourHoldsItsDelivery() {
        Map<String, Integer> listings = new HashMap<>();
        for (String key : GeneratedFiles.keys(root, "CloudTrail-Digest")) {
            JsonNode digest = GeneratedFiles.readGz(root.resolve(key));
            Instant start = Instant.parse(digest.get("digestStartTime").asText());
            Instant end = Instant.parse(digest.get("digestEndTime").asText());
            for (JsonNode file : digest.get("logFiles")) {
                String object = file.get("s3Object").asText();
                listings.merge(object, 1, Integer::sum);
                Instant delivered = nameTime(object);
                assertThat(delivered).as(object).isAfterOrEqualTo(start).isBefore(end);
                assertThat(object.split("/")[3]).isEqualTo(key.split("/")[3]);
            }
        }
        List<String> logs = GeneratedFiles.keys(root, "CloudTrail");
        assertThat(listings.keySet()).containsExactlyInAnyOrderElementsOf(logs);
        assertThat(listings.values()).containsOnly(1);
    }

    @Test
    void digestEventTimesSpanTheirLogFilesAndEmptyHoursHaveNulls() {
        boolean sawEmpty = false;
        for (String key : GeneratedFiles.keys(root, "CloudTrail-Digest")) {
            JsonNode digest = GeneratedFiles.readGz(root.resolve(key));
            if (digest.get("logFiles").isEmpty()) {
                sawEmpty = true;
                assertThat(digest.get("newestEventTime").isNull()).isTrue();
                assertThat(digest.get("oldestEventTime").isNull()).isTrue();
                continue;
            }
            Instant oldest = Instant.MAX;
            Instant newest = Instant.MIN;
            for (JsonNode file : digest.get("logFiles")) {
                for (JsonNode record : GeneratedFiles.readGz(root.resolve(file.get("s3Object").asText()))
                        .get("Records")) {
                    Instant time = Instant.parse(record.get("eventTime").asText());
                    oldest = oldest.isBefore(time) ? oldest : time;
                    newest = newest.isAfter(time) ? newest : time;
                }
                assertThat(Instant.parse(file.get("oldestEventTime").asText()))
                        .isBeforeOrEqualTo(Instant.parse(file.get("newestEventTime").asText()));
            }
            assertThat(digest.get("oldestEventTime").asText()).isEqualTo(oldest.toString());
            assertThat(digest.get("newestEventTime").asText()).isEqualTo(newest.toString());
        }
        assertThat(sawEmpty).as("a quiet region has hours without log files").isTrue();
    }

    @Test
    void chainsLinkByObjectHashAndSignature() throws IOException {
        for (List<String> chain : chains.values()) {
            JsonNode first = GeneratedFiles.readGz(root.resolve(chain.get(0)));
            for (String field : List.of("previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue",
                    "previousDigestHashAlgorithm", "previousDigestSignature")) {
                assertThat(first.get(field).isNull()).as(field).isTrue();
            }
            for (int i = 1; i < chain.size(); i++) {
                String previousKey = chain.get(i - 1);
                JsonNode digest = GeneratedFiles.readGz(root.resolve(chain.get(i)));
                assertThat(digest.get("previousDigestS3Object").asText()).isEqualTo(previousKey);
                assertThat(digest.get("previousDigestS3Bucket").asText())
                        .isEqualTo(digest.get("digestS3Bucket").asText());
                assertThat(digest.get("previousDigestHashAlgorithm").asText()).isEqualTo("SHA-256");
                assertThat(digest.get("previousDigestHashValue").asText())
                        .isEqualTo(GeneratedFiles.sha256Hex(GeneratedFiles.gunzip(root.resolve(previousKey))));
                assertThat(digest.get("previousDigestSignature").asText()).isEqualTo(signatureOf(previousKey));
            }
        }
    }

    @Test
    void everySignatureVerifiesWithThePublishedKey() throws Exception {
        JsonNode published = GeneratedFiles.JSON.readTree(root.resolve("public-keys.json").toFile())
                .get("PublicKeyList").get(0);
        byte[] der = Base64.getDecoder().decode(published.get("Value").asText());
        assertThat(published.get("Fingerprint").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der)));
        RSAPublicKey pkcs1 = RSAPublicKey.getInstance(der); // decoded by Bouncy Castle, not by the generator
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
        assertThat(pkcs1.getPublicExponent()).isEqualTo(BigInteger.valueOf(65_537));

        for (String key2 : GeneratedFiles.keys(root, "CloudTrail-Digest")) {
            byte[] content = GeneratedFiles.gunzip(root.resolve(key2));
            JsonNode digest = GeneratedFiles.JSON.readTree(content);
            assertThat(digest.get("digestPublicKeyFingerprint").asText()).isEqualTo(published.get("Fingerprint")
                    .asText());
            assertThat(digest.get("digestSignatureAlgorithm").asText()).isEqualTo("SHA256withRSA");
            JsonNode previous = digest.get("previousDigestSignature");
            String signed = digest.get("digestEndTime").asText() + "\n" + digest.get("digestS3Bucket").asText() + "/"
                    + key2 + "\n" + GeneratedFiles.sha256Hex(content) + "\n"
                    + (previous.isNull() ? "null" : previous.asText());
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(HexFormat.of().parseHex(signatureOf(key2)))).as(key2).isTrue();
        }
    }

    @Test
    void digestsEscapeSlashesAsAwsDoes() {
        String text = new String(GeneratedFiles.gunzip(root.resolve(chains.values().iterator().next().get(1))),
                StandardCharsets.UTF_8);

        assertThat(text).contains("AWSLogs\\/").doesNotContain("AWSLogs/").startsWith("{\"awsAccountId\":");
    }

    @Test
    void reSigningATamperedDigestMakesOnlyTheTamperingDetectable() throws IOException {
        String key = chains.get("111122223333 us-east-1").get(5);
        byte[] original = GeneratedFiles.gunzip(root.resolve(key));
        byte[] tampered = new String(original, StandardCharsets.UTF_8)
                .replaceFirst("\"hashValue\":\"[0-9a-f]{4}", "\"hashValue\":\"dead").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(original);
        JsonNode digest = GeneratedFiles.JSON.readTree(tampered);
        String signingString = DigestSigner.signingString(digest.get("digestEndTime").asText(),
                digest.get("digestS3Bucket").asText(), key, GeneratedFiles.sha256Hex(tampered),
                digest.get("previousDigestSignature").asText());

        String resigned = new DigestSigner(trail.keys().keyPair()).sign(tampered);

        PublicKey publicKey = trail.keys().keyPair().getPublic();
        assertThat(DigestSigner.verify(publicKey, signingString, resigned)).isTrue();
        assertThat(DigestSigner.verify(publicKey, signingString, signatureOf(key))).isFalse();
    }

    private static String signatureOf(String digestKey) throws IOException {
        JsonNode sidecar = GeneratedFiles.JSON.readTree(Files.readString(root.resolve(digestKey + ".metadata.json")));
        assertThat(GeneratedFiles.fieldNames(sidecar)).containsExactly("signature", "signature-algorithm");
        assertThat(sidecar.get("signature-algorithm").asText()).isEqualTo("SHA256withRSA");
        return sidecar.get("signature").asText();
    }

    private static Instant nameTime(String logKey) {
        String name = logKey.substring(logKey.lastIndexOf('/') + 1);
        return LocalDateTime.parse(name.split("_")[3], NAME_MINUTE).toInstant(ZoneOffset.UTC);
    }
}

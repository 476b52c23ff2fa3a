package org.trailworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** {@code verify} end to end through the command line, on a generated trail and a tampered copy of it. */
class VerifyCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static GeneratedTrail trail;
    static Path tampered;
    static Path changedLog;
    static long logFiles;
    static long digests;

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec spec = TrailSpec.builder().seed(99).regions(List.of("us-east-1"))
                .start(Instant.parse("2025-03-06T00:00:00Z")).days(1).eventsPerDay(600).withInsights(false).build();
        trail = new TrailGenerator(spec).generate(dir.resolve("trail"));
        logFiles = trail.counts().logFiles();
        digests = trail.counts().digests();
        tampered = dir.resolve("tampered");
        copy(trail.root(), tampered);
        try (Stream<Path> files = Files.walk(tampered)) {
            changedLog = files.filter(p -> p.toString().contains("/CloudTrail/") && p.toString().endsWith(".json.gz"))
                    .sorted().toList().get(3);
        }
        byte[] json;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(changedLog))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\"eventName\":\"", "\"eventName\":\"X")
                    .getBytes(StandardCharsets.UTF_8);
        }
        Files.write(changedLog, org.trailworkbench.testing.TrailFiles.gzip(new String(json, StandardCharsets.UTF_8)));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void anUntamperedTrailExitsZeroWithTheAwsCliSummary() {
        CliRun run = CliRun.of("verify", trail.root().toString());
        assertThat(run.code()).as(run.err()).isEqualTo(TrailCli.OK);
        assertThat(run.outLines()).contains(digests + "/" + digests + " digest files valid",
                logFiles + "/" + logFiles + " log files valid");
        assertThat(run.out()).doesNotContain("INVALID").contains("Public keys used: " + trail.keys().fingerprint())
                .containsPattern("Evidence SHA-256: [0-9a-f]{64}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void verboseListsTheValidFilesToo() {
        CliRun run = CliRun.of("verify", trail.root().toString(), "--verbose");
        assertThat(run.outLines().stream().filter(l -> l.startsWith("Digest file\t") && l.endsWith("\tvalid")))
                .hasSize((int) digests);
        assertThat(run.outLines().stream().filter(l -> l.startsWith("Log file\t") && l.endsWith("\tvalid")))
                .hasSize((int) logFiles);
    }

    @Test
    void aTamperedLogExitsOneWithATabSeparatedLine() {
        CliRun run = CliRun.of("verify", tampered.toString());
        assertThat(run.code()).isEqualTo(TrailCli.FAILURE);
        String line = run.outLines().stream().filter(l -> l.startsWith("Log file\t")).findFirst().orElseThrow();
        String[] columns = line.split("\t");
        assertThat(columns[1]).isEqualTo(changedLog.toAbsolutePath().toString());
        assertThat(columns[2]).isEqualTo("INVALID: hash value doesn't match");
        assertThat(columns[3]).startsWith("the digest lists ");
        assertThat(run.outLines()).contains((logFiles - 1) + "/" + logFiles + " log files valid, 1/" + logFiles
                + " log files INVALID");
        assertThat(run.out()).contains("Log file: INVALID: hash value doesn't match");
    }

    @Test
    void writesTheJsonAndHtmlReports() throws IOException {
        Path json = dir.resolve("reports/verify.json");
        Path html = dir.resolve("reports/verify.html");
        CliRun run = CliRun.of("verify", tampered.toString(), "--json", json.toString(), "--report", html.toString());
        assertThat(run.code()).isEqualTo(TrailCli.FAILURE);

        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("allValid").asBoolean()).isFalse();
        assertThat(report.get("summary").get("LOG_HASH_MISMATCH").asInt()).isEqualTo(1);
        assertThat(report.get("items")).hasSize((int) (logFiles + digests));
        JsonNode bad = report.get("items").valueStream().filter(i -> i.get("verdict").asText().equals("LOG_HASH_MISMATCH"))
                .findFirst().orElseThrow();
        assertThat(bad.get("key").asText()).isEqualTo(tampered.relativize(changedLog).toString().replace('\\', '/'));
        assertThat(bad.get("coveringDigest").asText()).contains("CloudTrail-Digest");
        assertThat(bad.get("sha256").asText()).hasSize(64);

        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains(report.get("evidenceSha256").asText())
                .contains(trail.keys().fingerprint()).contains("INVALID: hash value doesn&#39;t match")
                .doesNotContain("<script");
        try (Stream<Path> left = Files.list(html.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("verify.json", "verify.html");
        }
    }

    @Test
    void jsonToStdoutIsTheOnlyOutput() throws IOException {
        CliRun run = CliRun.of("verify", trail.root().toString(), "--json", "-");
        assertThat(run.code()).isEqualTo(TrailCli.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("allValid").asBoolean()).isTrue();
        assertThat(report.get("publicKeyFingerprints").get(0).asText()).isEqualTo(trail.keys().fingerprint());
    }

    @Test
    void publicKeysCanComeFromElsewhere() throws IOException {
        Path copy = dir.resolve("no-keys");
        copy(trail.root(), copy);
        Path keys = dir.resolve("keys-from-aws.json");
        Files.move(copy.resolve("public-keys.json"), keys, StandardCopyOption.REPLACE_EXISTING);

        CliRun without = CliRun.of("verify", copy.toString());
        assertThat(without.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(without.err()).startsWith("warning: no public keys: ");
        assertThat(without.out()).contains("INVALID: public key not found");

        CliRun with = CliRun.of("verify", copy.toString(), "--public-keys", keys.toString());
        assertThat(with.code()).as(with.out()).isEqualTo(TrailCli.OK);
    }

    @Test
    void aFilterThatSelectsNothingIsNotASuccess() {
        CliRun run = CliRun.of("verify", trail.root().toString(), "--account", "999999999999");
        assertThat(run.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(run.outLines()).contains("No digests found");
    }

    @Test
    void aTimeRangeSelectsTheHoursInIt() {
        CliRun run = CliRun.of("verify", trail.root().toString(), "--from", "2025-03-06T06:00:00Z", "--to",
                "2025-03-06T09:00:00Z");
        assertThat(run.code()).as(run.out()).isEqualTo(TrailCli.OK);
        assertThat(run.outLines()).anyMatch(l -> l.matches("[34]/[34] digest files valid"));
        assertThat(run.outLines()).contains("Results requested for 2025-03-06T06:00:00Z to 2025-03-06T09:00:00Z");
    }

    @Test
    void verifiesABucketInS3() throws Exception {
        String bucket = "aws-cloudtrail-logs-111122223333-7f3a9c21";
        try (org.trailworkbench.s3.S3TestServer server = org.trailworkbench.s3.S3TestServer.start()) {
            server.uploadTrail(trail.root(), bucket, "");
            System.setProperty("aws.accessKeyId", org.trailworkbench.s3.S3TestServer.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", org.trailworkbench.s3.S3TestServer.SECRET_KEY);
            CliRun run;
            try {
                run = CliRun.of("verify", "s3://" + bucket + "/AWSLogs", "--endpoint-url", server.endpoint().toString(),
                        "--path-style", "--aws-region", "us-east-1", "--public-keys",
                        trail.root().resolve("public-keys.json").toString(), "--verbose");
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertThat(run.code()).as(run.err() + run.out()).isEqualTo(TrailCli.OK);
            assertThat(run.outLines()).contains(digests + "/" + digests + " digest files valid");
            assertThat(run.outLines()).anyMatch(l -> l.startsWith("Log file\ts3://" + bucket + "/AWSLogs/") && l.endsWith("\tvalid"));
        }
    }

    @Test
    void usageAndIoErrorsExitTwo() {
        CliRun missing = CliRun.of("verify", dir.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(TrailCli.USAGE);
        assertThat(missing.errLines()).containsExactly("error: no such folder: " + dir.resolve("nowhere"));

        CliRun s3 = CliRun.of("verify", "s3:///audit");
        assertThat(s3.code()).isEqualTo(TrailCli.USAGE);
        assertThat(s3.err()).startsWith("error: 's3:///audit' names no bucket");

        CliRun badTime = CliRun.of("verify", trail.root().toString(), "--from", "yesterday");
        assertThat(badTime.code()).isEqualTo(TrailCli.USAGE);
        assertThat(badTime.err()).startsWith("error: 'yesterday' is not a time");

        CliRun keys = CliRun.of("verify", trail.root().toString(), "--public-keys", dir.resolve("none.json").toString());
        assertThat(keys.code()).isEqualTo(TrailCli.USAGE);
        assertThat(keys.errLines()).containsExactly("error: no such public keys file: " + dir.resolve("none.json"));
    }
}

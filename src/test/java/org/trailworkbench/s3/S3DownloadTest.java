package org.trailworkbench.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.integrity.FolderSource;
import org.trailworkbench.integrity.Verification;
import org.trailworkbench.integrity.VerificationListener;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.integrity.VerificationScope;
import org.trailworkbench.task.Cancellation;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Evidence download from a real S3 server, with CloudTrail's ListPublicKeys answered on loopback. */
class S3DownloadTest {

    static final String BUCKET = "evidence-trail-bucket";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static S3TestServer server;
    static CloudTrailStub cloudTrail;
    static GeneratedTrail trail;
    static int objects;

    @BeforeAll
    static void load() throws Exception {
        server = S3TestServer.start();
        cloudTrail = new CloudTrailStub();
        trail = new TrailGenerator(TrailSpec.builder().seed(7).accounts(List.of("333333333333"))
                .regions(List.of("us-east-1", "eu-west-1")).homeRegion("us-east-1").bucket(BUCKET)
                .start(Instant.parse("2025-03-06T00:00:00Z")).days(1).eventsPerDay(150).build())
                .generate(dir.resolve("trail"));
        objects = server.uploadTrail(trail.root(), BUCKET, "");
    }

    @AfterAll
    static void stop() throws Exception {
        cloudTrail.close();
        server.close();
    }

    AwsSettings settings() {
        return server.settings().withCloudTrailEndpoint(cloudTrail.endpoint());
    }

    DownloadReport download(Path folder) throws IOException {
        return new EvidenceDownload(settings()).run(S3Location.parse("s3://" + BUCKET), S3Selection.ALL, folder,
                DownloadListener.SILENT, Cancellation.none());
    }

    @Test
    void aDownloadedFolderVerifiesOfflineWithTheIntegrityEngine() throws IOException {
        cloudTrail.answer(trail.keys());
        Path folder = dir.resolve("copy");
        DownloadReport report = download(folder);

        assertThat(report.complete()).as("problems: %s, keys: %s", report.problems(), report.keysProblem()).isTrue();
        assertThat(report.downloaded()).isEqualTo(objects);
        assertThat(report.publicKeys()).isEqualTo(1);
        assertThat(cloudTrail.calls()).as("two regions, two pages each").isEqualTo(4);
        try (Stream<Path> files = Files.walk(trail.root())) {
            for (Path original : files.filter(Files::isRegularFile).toList()) {
                Path copy = folder.resolve(trail.root().relativize(original).toString());
                if (original.getFileName().toString().endsWith(".json") && original.toString().endsWith(".metadata.json")
                        || original.getFileName().toString().equals("public-keys.json")) {
                    assertThat(JSON.readTree(copy.toFile())).as(copy.toString()).isEqualTo(JSON.readTree(original.toFile()));
                } else {
                    assertThat(copy).as(copy.toString()).hasSameBinaryContentAs(original);
                }
            }
        }
        DownloadManifest.Content manifest = DownloadManifest.read(folder);
        assertThat(manifest.source()).isEqualTo("s3://" + BUCKET + "/");
        assertThat(manifest.objects()).hasSize(objects).allSatisfy(e -> {
            Path file = folder.resolve(e.key());
            assertThat(e.size()).isEqualTo(Files.size(file));
            assertThat(e.sha256()).isEqualTo(sha256(file));
            assertThat(e.etag()).isNotBlank();
            assertThat(e.lastModified()).isNotNull();
        });

        VerificationReport verified = new Verification(new FolderSource(folder, null), VerificationScope.ALL)
                .run(VerificationListener.SILENT, Cancellation.none());
        assertThat(verified.keysProblem()).isNull();
        assertThat(verified.failures()).isEmpty();
        assertThat(verified.fingerprints()).containsExactly(trail.keys().fingerprint());
    }

    @Test
    void aReRunFetchesOnlyWhatIsMissingOrIncomplete() throws IOException {
        cloudTrail.answer(trail.keys());
        Path folder = dir.resolve("resumed");
        download(folder);
        DownloadManifest.Content manifest = DownloadManifest.read(folder);
        List<DownloadManifest.Entry> logs = manifest.objects().stream().filter(e -> e.key().contains("/CloudTrail/")).toList();
        DownloadManifest.Entry digest = manifest.objects().stream().filter(e -> e.key().contains("/CloudTrail-Digest/"))
                .findFirst().orElseThrow();
        Files.delete(folder.resolve(logs.get(0).key()));
        byte[] whole = Files.readAllBytes(folder.resolve(logs.get(1).key()));
        Files.write(folder.resolve(logs.get(1).key()), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(folder.resolve(digest.key() + ".metadata.json"));

        DownloadReport again = download(folder);
        assertThat(again.downloaded()).isEqualTo(3);
        assertThat(again.present()).isEqualTo(objects - 3);
        assertThat(again.complete()).isTrue();
        assertThat(folder.resolve(logs.get(1).key())).hasBinaryContent(whole);
        assertThat(folder.resolve(digest.key() + ".metadata.json")).exists();

        DownloadReport nothing = download(folder);
        assertThat(nothing.downloaded()).isZero();
        assertThat(nothing.bytes()).isZero();
    }

    /**
     * Real S3 stores keys such as {@code ../x}; s3proxy (Jetty) refuses them, so this bucket is served by
     * WireMock: a listing with hostile keys beside a good one, and the good object.
     */
    @Test
    void keysThatWouldEscapeTheFolderAreRefusedAndTheRestDownloaded() throws IOException {
        List<String> hostile = List.of("a/../../escape.json", "../escape2.json", "/absolute.json", "a//double.json");
        WireMockServer bucket = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        bucket.start();
        try {
            StringBuilder contents = new StringBuilder();
            for (String key : concat(List.of("fine/ok.json"), hostile)) {
                contents.append("<Contents><Key>").append(key).append("</Key><LastModified>2025-03-06T00:00:00.000Z</LastModified>")
                        .append("<ETag>&quot;0123456789abcdef&quot;</ETag><Size>14</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
            bucket.stubFor(head(urlPathEqualTo("/hostile-bucket")).willReturn(aResponse().withStatus(200)));
            bucket.stubFor(get(urlPathEqualTo("/hostile-bucket")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                            + "<Name>hostile-bucket</Name><Prefix></Prefix><KeyCount>5</KeyCount><MaxKeys>1000</MaxKeys>"
                            + "<IsTruncated>false</IsTruncated>" + contents + "</ListBucketResult>")));
            bucket.stubFor(get(urlPathEqualTo("/hostile-bucket/fine/ok.json")).willReturn(aResponse().withStatus(200)
                    .withHeader("ETag", "\"0123456789abcdef\"").withBody("{\"Records\":[]}")));

            Path folder = dir.resolve("hostile").resolve("inside");
            DownloadReport report = new EvidenceDownload(server.settings(URI.create("http://127.0.0.1:" + bucket.port())))
                    .run(S3Location.parse("s3://hostile-bucket"), S3Selection.ALL, folder, DownloadListener.SILENT,
                            Cancellation.none());
            assertThat(report.downloaded()).isEqualTo(1);
            assertThat(report.problems()).extracting(DownloadReport.Problem::uri)
                    .containsExactlyInAnyOrderElementsOf(hostile.stream().map(k -> "s3://hostile-bucket/" + k).toList());
            assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).startsWith("refused"));
            try (Stream<Path> all = Files.walk(dir.resolve("hostile"))) {
                assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("ok.json", DownloadManifest.FILE_NAME);
            }
            assertThat(bucket.findAll(getRequestedFor(urlPathMatching(".*escape.*|.*absolute.*|.*double.*")))).isEmpty();
        } finally {
            bucket.stop();
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void deniedObjectsAndDeniedPublicKeysAreReportedAndTheRestIsKept() throws IOException {
        cloudTrail.deny();
        String denied = "AWSLogs/333333333333/CloudTrail/eu-west-1/";
        server.failGets(denied, S3TestServer.Fault.ACCESS_DENIED);
        DownloadReport report;
        try {
            report = download(dir.resolve("partial"));
        } finally {
            server.clearFaults();
        }
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.uri()).startsWith("s3://" + BUCKET + "/" + denied);
            assertThat(p.reason()).isEqualTo("access denied reading " + p.uri()
                    + ": the credentials need s3:GetObject on the object (and kms:Decrypt when the trail is encrypted with KMS)");
        });
        assertThat(report.downloaded()).isEqualTo(objects - report.problems().size());
        assertThat(report.publicKeys()).isEqualTo(-1);
        assertThat(report.keysProblem()).contains("ListPublicKeys").contains("cloudtrail:ListPublicKeys").contains("access denied");
        assertThat(dir.resolve("partial").resolve(PublicKeysFile.FILE_NAME)).doesNotExist();
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}

package org.trailworkbench.integrity;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.trailworkbench.integrity.Evidence.findings;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Source;
import org.trailworkbench.s3.S3TestServer;
import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code verify s3://...} against a real in-process S3 (s3proxy) holding a generated trail, with
 * signatures as object metadata, and ListPublicKeys answered by a stand-in CloudTrail endpoint.
 */
class S3SourceTest {
    static final String BUCKET = "aws-cloudtrail-logs-111122223333-7f3a9c21";

    @TempDir
    static Path dir;
    static GeneratedTrail trail;
    static S3TestServer server;
    static WireMockServer cloudTrail;

    @BeforeAll
    static void start() throws Exception {
        trail = new TrailGenerator(TrailSpec.builder().seed(31).start(Instant.parse("2025-03-06T00:00:00Z")).days(1)
                .eventsPerDay(120).withInsights(false).build()).generate(dir.resolve("trail"));
        server = S3TestServer.start();
        server.uploadTrail(trail.root(), BUCKET, "");
        cloudTrail = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cloudTrail.start();
        long from = trail.keys().validityStart().getEpochSecond();
        long to = trail.keys().validityEnd().getEpochSecond();
        cloudTrail.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("ListPublicKeys"))
                .willReturn(okForContentType("application/x-amz-json-1.1", "{\"PublicKeyList\":[{\"Value\":\""
                        + trail.keys().publicKeyBase64() + "\",\"ValidityStartTime\":" + from + ",\"ValidityEndTime\":" + to
                        + ",\"Fingerprint\":\"" + trail.keys().fingerprint() + "\"}]}")));
    }

    @AfterAll
    static void stop() throws Exception {
        cloudTrail.stop();
        server.close();
    }

    private static AwsSettings settings() {
        return server.settings().withCloudTrailEndpoint(URI.create(cloudTrail.baseUrl()));
    }

    private static VerificationReport verify(String bucket, Path keys) throws IOException {
        try (S3Source source = S3Source.open(S3Location.parse("s3://" + bucket + "/AWSLogs/"), settings(), keys)) {
            return new Verification(source, VerificationScope.ALL, 8).run(VerificationListener.SILENT, Cancellation.none());
        }
    }

    @Test
    void aBucketVerifiesWithSignaturesFromMetadataAndKeysFromListPublicKeys() throws IOException {
        VerificationReport r = verify(BUCKET, null);
        assertThat(findings(r)).isEmpty();
        assertThat(r.allValid()).isTrue();
        assertThat(r.count(Verdict.DIGEST_VALID)).isEqualTo(trail.counts().digests());
        assertThat(r.count(Verdict.LOG_VALID)).isEqualTo(trail.counts().logFiles());
        assertThat(r.items().get(0).location()).startsWith("s3://" + BUCKET + "/AWSLogs/");
        assertThat(cloudTrail.getAllServeEvents()).isNotEmpty();
    }

    @Test
    void deletionsMissingMetadataAndCopiesToAnotherBucketAreSeen() throws Exception {
        String bucket = "tampered-copy";
        server.uploadTrail(trail.root(), bucket, "");
        Evidence local = Evidence.copyOf(trail, dir.resolve("local-" + System.nanoTime()));
        String log = local.key(local.logs("111122223333", "us-east-1").get(4));
        String digest = local.key(local.digests("111122223333", "us-east-1").get(6));
        try (S3Client s3 = server.client()) {
            s3.deleteObject(b -> b.bucket(bucket).key(log));
            // the same digest again, without its signature metadata
            s3.putObject(b -> b.bucket(bucket).key(digest).metadata(Map.of()),
                    RequestBody.fromBytes(Files.readAllBytes(local.file(digest))));
        }
        VerificationReport r = verify(bucket, trail.root().resolve("public-keys.json"));
        List<String> findings = findings(r);
        // Every digest names the original bucket: in another bucket they have all been moved.
        assertThat(r.count(Verdict.DIGEST_MOVED)).isEqualTo(trail.counts().digests() - 1);
        assertThat(findings).contains("DIGEST_SIGNATURE_MISSING " + digest, "LOG_NOT_FOUND " + log);
    }
}

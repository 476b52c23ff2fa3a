package org.trailworkbench.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reusable client pieces against a real S3 server: listing with pagination, reading, errors. */
class S3ClientTest {

    static S3TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.start();
        s3 = server.client();
        S3TestServer.createBucket(s3, "pages");
        // more than one page of 1,000 under "even/", a few more under "odd/"
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> puts = IntStream.range(0, 1_060).<Future<?>>mapToObj(i -> pool.submit(() -> s3.putObject(b -> b.bucket("pages")
                .key((i < 1_050 ? "even/" : "odd/") + String.format("%05d.json", i)), RequestBody.fromString("{}")))).toList();
        for (Future<?> put : puts) {
            put.get();
        }
        pool.shutdown();
        s3.putObject(b -> b.bucket("pages").key("meta/digest.json.gz").metadata(Map.of("signature", "abc123",
                "signature-algorithm", "SHA256withRSA")), RequestBody.fromString("digest bytes"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void listsEveryObjectAcrossPagesInKeyOrder() throws Exception {
        List<S3Object> even = new S3Lister(s3, null).objects("pages", "even/", Cancellation.none());
        assertThat(even).hasSize(1_050);
        assertThat(even).extracting(S3Object::key).isSorted().doesNotHaveDuplicates();
        assertThat(even.get(0)).satisfies(o -> {
            assertThat(o.size()).isEqualTo(2);
            assertThat(o.etag()).isNotBlank().doesNotContain("\"");
            assertThat(o.lastModified()).isNotNull();
        });
    }

    @Test
    void listsFoldersBelowAPrefix() throws Exception {
        assertThat(new S3Lister(s3, null).folders("pages", "", Cancellation.none()))
                .containsExactly("even/", "meta/", "odd/");
    }

    @Test
    void readsBytesAndUserMetadata() throws Exception {
        S3Object digest = new S3Lister(s3, null).objects("pages", "meta/", Cancellation.none()).get(0);
        try (ObjectStream in = new S3Reader(s3, null, 3).open(digest)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("digest bytes");
            assertThat(in.response().metadata()).containsEntry("signature", "abc123")
                    .containsEntry("signature-algorithm", "SHA256withRSA");
            assertThat(in.resumes()).isZero();
        }
    }

    @Test
    void aReplacedObjectIsNotReadAsTheListedVersion() throws Exception {
        s3.putObject(b -> b.bucket("pages").key("changing.json"), RequestBody.fromString("first"));
        S3Object listed = new S3Lister(s3, null).objects("pages", "changing", Cancellation.none()).get(0);
        s3.putObject(b -> b.bucket("pages").key("changing.json"), RequestBody.fromString("second, longer"));
        assertThatThrownBy(() -> new S3Reader(s3, null, 3).open(listed))
                .isInstanceOfSatisfying(S3Failure.class, f -> assertThat(f.reason()).isEqualTo(S3Failure.Reason.CHANGED))
                .hasMessageContaining("s3://pages/changing.json");
    }

    @Test
    void aMissingBucketIsNamed() {
        assertThatThrownBy(() -> AwsClients.s3ForBucket(server.settings(), "no-such-bucket").close())
                .isInstanceOfSatisfying(S3Failure.class, f -> assertThat(f.reason()).isEqualTo(S3Failure.Reason.NO_SUCH_BUCKET))
                .hasMessageContaining("no such bucket: no-such-bucket");
    }

    @Test
    void wrongCredentialsAreRefusedWithAMessage() {
        AwsSettings wrong = server.settings().withCredentials(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, "wrong")));
        try (S3Client client = AwsClients.s3(wrong)) {
            assertThatThrownBy(() -> new S3Lister(client, null).objects("pages", "even/", Cancellation.none()))
                    .isInstanceOf(S3Failure.class)
                    .hasMessageContaining("s3://pages/even/");
        }
    }

    @Test
    void deniedListingsAndReadsNameBucketAndKey() throws Exception {
        server.failLists("odd/", S3TestServer.Fault.ACCESS_DENIED);
        server.failGets("even/00000", S3TestServer.Fault.ARCHIVED);
        try {
            assertThatThrownBy(() -> new S3Lister(s3, null).objects("pages", "odd/", Cancellation.none()))
                    .isInstanceOfSatisfying(S3Failure.class, f -> assertThat(f.reason()).isEqualTo(S3Failure.Reason.ACCESS_DENIED))
                    .hasMessage("access denied listing s3://pages/odd/: the credentials need s3:ListBucket on the bucket");
            S3Object first = new S3Object("pages", "even/00000.json", 2, null, null, null);
            assertThatThrownBy(() -> new S3Reader(s3, null, 3).open(first))
                    .isInstanceOfSatisfying(S3Failure.class, f -> assertThat(f.reason()).isEqualTo(S3Failure.Reason.ARCHIVED))
                    .hasMessageStartingWith("s3://pages/even/00000.json is archived");
        } finally {
            server.clearFaults();
        }
    }
}

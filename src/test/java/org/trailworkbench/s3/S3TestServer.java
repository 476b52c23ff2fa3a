package org.trailworkbench.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A real S3 server for tests: s3proxy with its in-memory file system store on 127.0.0.1, checking SigV4
 * signatures. Start one per test class (about a second). Faults can be switched on per key prefix; they
 * are thrown inside the store, so the client sees exactly the HTTP error S3 itself would send.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-not-a-secret";

    /** An error S3 answers with: status and code, as in S3's error XML. */
    public record Fault(int status, String code, String message) {
        public static final Fault ACCESS_DENIED = new Fault(403, "AccessDenied", "Access Denied");
        public static final Fault ARCHIVED = new Fault(403, "InvalidObjectState",
                "The operation is not valid for the object's storage class");
        public static final Fault SLOW_DOWN = new Fault(503, "SlowDown", "Please reduce your request rate.");
    }

    private final S3Proxy proxy;
    private final URI endpoint;
    private final BlobStore store;
    private final Map<String, Fault> getFaults;
    private final Map<String, Fault> listFaults;

    private S3TestServer(S3Proxy proxy, BlobStore store, URI endpoint, Map<String, Fault> getFaults,
                         Map<String, Fault> listFaults) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = endpoint;
        this.getFaults = getFaults;
        this.listFaults = listFaults;
    }

    public static S3TestServer start() throws Exception {
        Map<String, Fault> gets = new ConcurrentHashMap<>();
        Map<String, Fault> lists = new ConcurrentHashMap<>();
        BlobStore store = new FaultyStore(new TransientNio2BlobStore(), gets, lists);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3TestServer(proxy, store, URI.create("http://127.0.0.1:" + proxy.getPort()), gets, lists);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Settings that reach this server with its credentials, path-style, in us-east-1. */
    public AwsSettings settings() {
        return settings(endpoint);
    }

    /** The same through another address, such as a proxy in front of this server. */
    public AwsSettings settings(URI through) {
        return AwsSettings.defaults().withRegion("us-east-1").withEndpoint(through, true)
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public S3Client client() {
        return AwsClients.s3(settings());
    }

    /** GETs of keys starting with {@code keyPrefix} in any bucket fail with {@code fault}. */
    public void failGets(String keyPrefix, Fault fault) {
        getFaults.put(keyPrefix, fault);
    }

    /** Listings whose prefix starts with {@code keyPrefix} fail with {@code fault}. */
    public void failLists(String keyPrefix, Fault fault) {
        listFaults.put(keyPrefix, fault);
    }

    public void clearFaults() {
        getFaults.clear();
        listFaults.clear();
    }

    /**
     * Uploads an evidence folder as the bucket CloudTrail would have written: every file under its relative
     * path, except the companions that are not in a real bucket ({@code public-keys.json} and the
     * {@code .metadata.json} sidecars); a sidecar's fields become its digest's user metadata, where
     * CloudTrail keeps a digest's signature. Returns the number of objects.
     */
    public int uploadTrail(Path root, String bucket, String keyPrefix) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".metadata.json"))
                    .filter(f -> !f.getFileName().toString().equals("public-keys.json"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        }
        JsonMapper json = JsonMapper.builder().build();
        try (S3Client s3 = client()) {
            createBucket(s3, bucket);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> uploads = files.stream().<Future<?>>map(file -> pool.submit(() -> {
                    String key = keyPrefix + root.relativize(file).toString().replace('\\', '/');
                    Map<String, String> metadata = new HashMap<>();
                    Path sidecar = file.resolveSibling(file.getFileName() + ".metadata.json");
                    if (Files.exists(sidecar)) {
                        JsonNode fields = json.readTree(sidecar.toFile());
                        fields.fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().asText()));
                    }
                    // straight into the store: loading through HTTP would dominate the tests' time
                    byte[] bytes = Files.readAllBytes(file);
                    store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).metadata(metadata)
                            .contentLength((long) bytes.length).build(), new ByteArrayInputStream(bytes));
                    return null;
                })).toList();
                for (Future<?> upload : uploads) {
                    upload.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return files.size();
    }

    public static void createBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception exists) {
            if (exists.statusCode() != 409) {
                throw exists;
            }
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    /** Throws the configured S3 errors from inside s3proxy's store. */
    private static final class FaultyStore extends ForwardingBlobStore {
        private final Map<String, Fault> gets;
        private final Map<String, Fault> lists;

        FaultyStore(BlobStore delegate, Map<String, Fault> gets, Map<String, Fault> lists) {
            super(delegate);
            this.gets = gets;
            this.lists = lists;
        }

        @Override
        public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
            check(gets, request.key());
            return super.getBlob(request);
        }

        @Override
        public ListObjectsV2Response list(ListObjectsV2Request request) {
            check(lists, request.prefix() == null ? "" : request.prefix());
            return super.list(request);
        }

        private static void check(Map<String, Fault> faults, String key) {
            for (var rule : faults.entrySet()) {
                if (key.startsWith(rule.getKey())) {
                    Fault f = rule.getValue();
                    throw (S3Exception) S3Exception.builder().statusCode(f.status()).message(f.message())
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode(f.code()).errorMessage(f.message())
                                    .serviceName("S3").build())
                            .build();
                }
            }
        }
    }
}

package org.trailworkbench.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.utils.BinaryUtils;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Amazon OpenSearch Service does with a request before its cluster sees it, in front of the test node:
 * recomputes the request's SigV4 signature from what arrived (method, path, query, the signed headers, the body's
 * hash) with the credentials it knows, answers 403 as AWS does when the signature is missing or differs, and
 * forwards the rest. The recomputation uses the SDK's signer on the received bytes, so a signature over anything
 * else than what went on the wire (another host, another body) is refused.
 */
public final class SigV4CheckingProxy implements AutoCloseable {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final String upstreamUrl;
    private final AwsBasicCredentials credentials;
    private final String region;
    private final String service;
    private final List<String> signedRequests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();

    public SigV4CheckingProxy(String upstreamUrl, AwsBasicCredentials credentials, String region, String service)
            throws IOException {
        this.upstreamUrl = upstreamUrl;
        this.credentials = credentials;
        this.region = region;
        this.service = service;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** e.g. http://127.0.0.1:40123 */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** "METHOD path body-bytes" of every request whose signature held. */
    public List<String> signedRequests() {
        synchronized (signedRequests) {
            return List.copyOf(signedRequests);
        }
    }

    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String problem = problem(exchange, body);
            if (problem != null) {
                refused.incrementAndGet();
                respond(exchange, 403, "application/json",
                        ("{\"message\":\"" + problem + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            signedRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body.length);
            forward(exchange, body);
        }
    }

    /** Why the request is refused, in AWS's words, or null when its signature is the one these credentials give. */
    private String problem(HttpExchange exchange, byte[] body) {
        var headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        String date = headers.getFirst("X-Amz-Date");
        if (authorization == null || date == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter.";
        }
        if (!BinaryUtils.toHex(sha256(body)).equals(headers.getFirst("X-Amz-Content-Sha256"))) {
            return "The provided x-amz-content-sha256 header does not match the request body.";
        }
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+).*", "$1");
        SdkHttpRequest.Builder received = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(exchange.getRequestMethod()))
                .uri(URI.create("http://" + headers.getFirst("Host") + exchange.getRequestURI().toString()));
        for (String name : signedHeaders.split(";")) {
            if (!name.equals("host")) { // the signer takes it from the URI, which holds the Host received
                received.putHeader(name, headers.getOrDefault(name, List.of()));
            }
        }
        Clock signedAt = Clock.fixed(LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        SdkHttpRequest expected = AwsV4HttpSigner.create().sign(r -> r.identity(credentials)
                .request(received.build())
                .payload(() -> new java.io.ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, signedAt)).request();
        if (!authorization.equals(expected.firstMatchingHeader("Authorization").orElse(null))) {
            return "The request signature we calculated does not match the signature you provided.";
        }
        return null;
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstreamUrl + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
        respond(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null), answer.body());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        boolean none = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, none ? -1 : body.length);
        if (!none) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

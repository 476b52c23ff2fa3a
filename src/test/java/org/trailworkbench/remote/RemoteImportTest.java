package org.trailworkbench.remote;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.ingest.FolderScanner;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import into a real node: nothing lost under 429s, nothing doubled by a re-run, one line when refused. */
class RemoteImportTest {

    private static final Path LOGS = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));

    @TempDir
    Path dir;

    /** The sample trail has 1694 small files, a round trip or three each: a slice of them keeps the test short. */
    static java.util.List<org.trailworkbench.ingest.SourceFile> some() throws IOException {
        var files = new FolderScanner().scan(LOGS, SourceFilter.ALL).files().stream()
                .filter(f -> f.relativePath().contains("/CloudTrail/")).toList(); // not the digests
        return files.subList(0, Math.min(files.size(), 120));
    }

    static long events(RemoteCase remote) throws IOException {
        return remote.search().stats().events();
    }

    @Test
    void anInterruptedImportReRunStoresEachEventOnce() throws Exception {
        var files = some();
        try (RemoteCase remote = RemoteCase.connect(target("interrupted", TestNode.get().url()))) {
            var first = remote.importer().importFiles(files.subList(0, files.size() / 2), Cancellation.none());
            assertThat(first.files()).isEqualTo(files.size() / 2);
            var second = remote.importer().importFiles(files, Cancellation.none());
            assertThat(second.skippedUnchanged()).isEqualTo(files.size() / 2);
            // and a third run of everything, manifest or not, changes nothing
            long once = events(remote);
            try (RemoteCase whole = RemoteCase.connect(target("whole", TestNode.get().url()))) {
                whole.importer().importFiles(files, Cancellation.none());
                assertThat(once).isEqualTo(events(whole)).isPositive();
            }
        }
    }

    @Test
    void aNodeThatRefusesWithTooManyRequestsLosesNothing() throws Exception {
        String node = TestNode.get().url();
        AtomicInteger bulks = new AtomicInteger();
        HttpServer proxy = proxy(node, path -> path.contains("_bulk") && bulks.incrementAndGet() % 3 != 0);
        try (RemoteCase remote = RemoteCase.connect(target("refused", "http://127.0.0.1:" + proxy.getAddress().getPort()));
             RemoteCase direct = RemoteCase.connect(target("unrefused", node))) {
            var result = remote.importer().importFiles(some(), Cancellation.none());
            assertThat(result.retries()).isPositive();
            assertThat(result.problems()).isEmpty();
            direct.importer().importFiles(some(), Cancellation.none());
            assertThat(events(remote)).isEqualTo(events(direct)).isPositive();
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void anUnreachableClusterIsOneLineNamingIt() {
        assertThatThrownBy(() -> RemoteCase.connect(target("x", "http://127.0.0.1:1")))
                .isInstanceOf(RemoteFailure.class)
                .hasMessageStartingWith("http://127.0.0.1:1/x: cannot connect")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aWrongPasswordIsOneLineNamingIt() throws Exception {
        HttpServer proxy = proxy(TestNode.get().url(), path -> false);
        try {
            var target = RemoteTarget.parse("opensearch://127.0.0.1:" + proxy.getAddress().getPort() + "/x", "admin", "wrong");
            assertThatThrownBy(() -> RemoteCase.connect(target))
                    .isInstanceOf(RemoteFailure.class)
                    .hasMessageContaining("/x: 401 Unauthorized: check the user name and password")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            proxy.stop(0);
        }
    }

    private static RemoteTarget target(String index, String url) {
        return RemoteTarget.parse(url + "/" + index, null, null);
    }

    /**
     * In front of the real node: answers 429 with OpenSearch's own body where {@code refuse} says so, 401 to
     * a request with the password "wrong" (as the security plugin would), and forwards the rest.
     */
    private static HttpServer proxy(String node, java.util.function.Predicate<String> refuse) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String path = exchange.getRequestURI().toString();
                if (auth != null && new String(java.util.Base64.getDecoder().decode(auth.substring(6)),
                        StandardCharsets.UTF_8).endsWith(":wrong")) {
                    byte[] unauthorized = "Unauthorized".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(401, unauthorized.length);
                    exchange.getResponseBody().write(unauthorized);
                    return;
                }
                if (refuse.test(path)) {
                    byte[] refused = ("{\"error\":{\"root_cause\":[],\"type\":\"rejected_execution_exception\","
                            + "\"reason\":\"rejected execution of coordinating operation\"},\"status\":429}")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(429, refused.length);
                    exchange.getResponseBody().write(refused);
                    return;
                }
                var request = HttpRequest.newBuilder(URI.create(node + path))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    request.header("Content-Type", type);
                }
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
                byte[] answer = response.body();
                exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }
}

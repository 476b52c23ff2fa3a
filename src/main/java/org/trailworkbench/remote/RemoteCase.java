package org.trailworkbench.remote;

import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A case held by an OpenSearch index: the connection, the index template the tool writes, and the two
 * services on it, {@link RemoteSearch} and {@link RemoteImport}. The manifest of imported files lives in the
 * cluster too, in the index {@code <index>-manifest}, so an import resumes from any machine.
 */
public final class RemoteCase implements Closeable {

    /**
     * How long to wait for a connection: a cluster that takes longer is not reachable in any useful sense,
     * and a firewall that drops packets would otherwise hold the command until the system gives up.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long to wait for an answer, and between two packets of one: long enough for a bulk request or the
     * aggregations of a large index on a busy cluster, short enough that a silent one does not hang a command.
     */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(120);

    private final RemoteTarget target;
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private RemoteCase(RemoteTarget target, OpenSearchTransport transport) {
        this.target = target;
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    /** Connects over HTTP(S), with basic auth when the target has a user; checks that the cluster answers. */
    public static RemoteCase connect(RemoteTarget target) throws RemoteFailure {
        return connect(target, DEFAULT_ANSWER_TIMEOUT);
    }

    /** @param answerTimeout how long to wait for each answer (see {@link #DEFAULT_ANSWER_TIMEOUT}) */
    public static RemoteCase connect(RemoteTarget target, Duration answerTimeout) throws RemoteFailure {
        return connect(target, answerTimeout, null);
    }

    /**
     * @param signer signs every request (AWS SigV4 for Amazon OpenSearch Service), or null to send them as they
     *               are; the timeouts and the one-line failures stay those of an unsigned connection
     */
    public static RemoteCase connect(RemoteTarget target, Duration answerTimeout, RequestSigner signer)
            throws RemoteFailure {
        Timeout answer = Timeout.ofMilliseconds(answerTimeout.toMillis());
        var builder = ApacheHttpClient5TransportBuilder.builder(new HttpHost(target.scheme(), target.host(), target.port()))
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout(Timeout.ofMilliseconds(CONNECT_TIMEOUT.toMillis()))
                        .setResponseTimeout(answer))
                // the response timeout covers the wait for an answer; the socket timeout a stall inside one
                .setHttpClientConfigCallback(client -> {
                    client.setIOReactorConfig(org.apache.hc.core5.reactor.IOReactorConfig.custom().setSoTimeout(answer).build());
                    if (signer != null) {
                        // last before the wire, so a request sent again (a redirect, a retry) is signed again
                        client.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "sign", new SigningHandler(signer));
                    }
                    return client;
                });
        if (target.user() != null) {
            // preemptive: clusters behind a proxy or Amazon's service do not always send a challenge first
            String pair = target.user() + ":" + (target.password() == null ? "" : target.password());
            builder.setDefaultHeaders(new Header[]{new BasicHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))});
        }
        return connect(target, builder.build());
    }

    /** With a transport made elsewhere (a test's, or one configured otherwise). */
    public static RemoteCase connect(RemoteTarget target, OpenSearchTransport transport) throws RemoteFailure {
        RemoteCase remote = new RemoteCase(target, transport);
        try {
            remote.client.info();
        } catch (Exception e) {
            remote.closeQuietly();
            throw RemoteFailure.of(target, e);
        }
        return remote;
    }

    public RemoteTarget target() {
        return target;
    }

    OpenSearchClient client() {
        return client;
    }

    /** For reading commands: the index (or pattern, or alias) must hold something. */
    public RemoteCase requireIndex() throws RemoteFailure {
        try {
            if (!client.indices().exists(e -> e.index(target.index())).value()) {
                throw new RemoteFailure(target + ": no such index (create it with: trail-workbench import --case "
                        + target + " LOGS)", null);
            }
        } catch (RemoteFailure e) {
            throw e;
        } catch (Exception e) {
            throw RemoteFailure.of(target, e);
        }
        return this;
    }

    /** Writes the index template for the case's index and creates the index when it is new. */
    public void prepareForImport() throws RemoteFailure {
        try {
            String template;
            try (InputStream in = RemoteCase.class.getResourceAsStream("index-template.json")) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("${pattern}", target.index());
            }
            check(client.generic().execute(Requests.builder().method("PUT")
                    .endpoint("/_index_template/" + templateName()).json(template).build()));
            if (!client.indices().exists(e -> e.index(target.index())).value()) {
                client.indices().create(c -> c.index(target.index()));
            }
            if (!client.indices().exists(e -> e.index(manifestIndex())).value()) {
                client.indices().create(c -> c.index(manifestIndex()).mappings(m -> m.dynamic(
                        org.opensearch.client.opensearch._types.mapping.DynamicMapping.True)));
            }
        } catch (Exception e) {
            throw RemoteFailure.of(target, e);
        }
    }

    String manifestIndex() {
        return target.index() + "-manifest";
    }

    private void check(org.opensearch.client.opensearch.generic.Response response) throws IOException {
        try (response) {
            if (response.getStatus() >= 300) {
                String body = response.getBody().map(b -> b.bodyAsString()).orElse("");
                throw new IOException("status " + response.getStatus() + " " + body);
            }
        }
    }

    /**
     * Files imported into the case, as its manifest in the cluster lists them, their size and the events read
     * from them (a re-delivered event counts in each file that holds it, and is stored once).
     */
    public record Files(long count, long sourceBytes, long events) {
    }

    public Files files() throws RemoteFailure {
        return new Manifest(this).totals();
    }

    /** What the case's index takes in the cluster (primaries and replicas). */
    public long indexBytes() throws RemoteFailure {
        try {
            var stats = client.indices().stats(s -> s.index(target.index()));
            return stats.all().total().store().sizeInBytes();
        } catch (Exception e) {
            throw RemoteFailure.of(target, e);
        }
    }

    /** What check reports: the index's health, its events against the manifest's, the template's schema. */
    public RemoteCheck.Report check() throws RemoteFailure {
        return RemoteCheck.run(this);
    }

    String templateName() {
        return "trail-workbench-" + target.index();
    }

    public RemoteSearch search() {
        return new RemoteSearch(this);
    }

    /** What Insights reads from the case, counted by the cluster. */
    public RemoteInsightsSource insights() {
        return new RemoteInsightsSource(this);
    }

    public RemoteImport importer() {
        return new RemoteImport(this);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // the connection failed already; that is the error worth reporting
        }
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}

package org.trailworkbench.remote;

import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.transport.Netty4Plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real one-node OpenSearch 2.19 cluster in the test JVM, reached over HTTP like any other: started on first
 * use, shared by every test class of the run (a cold start costs several seconds), stopped when the JVM ends.
 * In-process works because OpenSearch 2.19.6 ships the same Lucene (9.12.3) as the app; a node of another
 * Lucene would need a JVM of its own.
 */
public final class TestNode {

    private static TestNode shared;

    private final Node node;
    private final String url;

    private TestNode(Path home) throws NodeValidationException {
        Settings settings = Settings.builder()
                .put("cluster.name", "trail-workbench-test")
                .put("node.name", "test-node")
                .put(Environment.PATH_HOME_SETTING.getKey(), home.toString())
                .put(Environment.PATH_DATA_SETTING.getKey(), home.resolve("data").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // the build machine's disk may be fuller than the default watermarks allow
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
        node = new ClasspathNode(settings);
        node.start();
        var address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        url = "http://127.0.0.1:" + address.getPort();
    }

    /** The node of this test run, started on the first call. */
    public static synchronized TestNode get() throws IOException {
        if (shared == null) {
            Path home = Files.createTempDirectory("opensearch-node");
            try {
                shared = new TestNode(home);
            } catch (NodeValidationException e) {
                throw new IOException("the test OpenSearch node did not start", e);
            }
            TestNode node = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "opensearch-test-node-stop"));
        }
        return shared;
    }

    /** e.g. http://127.0.0.1:41234 */
    public String url() {
        return url;
    }

    private void close() {
        try {
            node.close();
        } catch (IOException e) {
            // the JVM is ending anyway; the temp folder stays for whoever wants to look
        }
    }

    /** Node's constructor that takes plugins from the class path is protected: the test framework's way in. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Settings settings) {
            super(new Environment(settings, null), List.of(Netty4Plugin.class, org.opensearch.analysis.common.CommonAnalysisPlugin.class), true);
        }
    }
}

package org.trailworkbench.remote;

import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The bundled sample-logs imported once per test JVM into an index of the test node, for the tests that only
 * read a remote case (the remote rows, the window): its URL in the form the dialog and the command line take.
 */
public final class SampleIndex {

    private static String url;

    private SampleIndex() {
    }

    public static synchronized String url() throws IOException {
        if (url == null) {
            String at = TestNode.get().url().replace("http:", "opensearch:") + "/sample-shared";
            try (RemoteCase remote = RemoteCase.connect(RemoteTarget.parse(at, null, null))) {
                var result = remote.importer().importPath(sampleLogs(), SourceFilter.ALL, Cancellation.none());
                if (!result.problems().isEmpty()) {
                    throw new IOException("sample-logs did not import cleanly: " + result.problems());
                }
            }
            url = at;
        }
        return url;
    }

    public static Path sampleLogs() {
        return Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
    }
}

package org.trailworkbench.ingest;

import java.io.IOException;

/** Receives records one at a time as the reader streams through a file. */
@FunctionalInterface
public interface EventSink {
    void accept(ParsedEvent event) throws IOException;
}

package org.trailworkbench.cli;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.insights.InsightsSource;
import org.trailworkbench.insights.LocalInsightsSource;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.search.EventSearch;

import java.io.Closeable;
import java.io.IOException;

/**
 * The events of the case named by {@code --case}, local or remote, behind {@link EventSearch}: what search,
 * facets, timeline, export and insights read without caring where the case lives. Only stats looks behind it, for what
 * each kind of case keeps beside its events (files, bytes on disk).
 */
final class CaseEvents implements Closeable {

    private final Case local;
    private final RemoteCase remote;

    private CaseEvents(Case local, RemoteCase remote) {
        this.local = local;
        this.remote = remote;
    }

    static CaseEvents local(Case c) {
        return new CaseEvents(c, null);
    }

    static CaseEvents remote(RemoteCase c) {
        return new CaseEvents(null, c);
    }

    EventSearch search() {
        return local != null ? local.search() : remote.search();
    }

    /** What insights reads: the index's doc values, or the cluster's aggregations. */
    InsightsSource insights() {
        return local != null ? new LocalInsightsSource(local.index()) : remote.insights();
    }

    /** The local case, or null for a remote one. */
    Case local() {
        return local;
    }

    /** The remote case, or null for a local one. */
    RemoteCase remote() {
        return remote;
    }

    @Override
    public void close() throws IOException {
        if (local != null) {
            local.close();
        } else {
            remote.close();
        }
    }
}

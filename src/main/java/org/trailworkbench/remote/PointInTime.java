package org.trailworkbench.remote;

import org.opensearch.client.opensearch.core.search.Pit;

import java.util.List;

/** A point in time on the case's index: a scan sees one view, whatever an import commits meanwhile. */
final class PointInTime implements AutoCloseable {

    private static final String KEEP_ALIVE = "5m";

    private final RemoteCase remote;
    private final String id;

    private PointInTime(RemoteCase remote, String id) {
        this.remote = remote;
        this.id = id;
    }

    static PointInTime open(RemoteCase remote) throws RemoteFailure {
        try {
            var response = remote.client().createPit(p -> p.targetIndexes(List.of(remote.target().index()))
                    .keepAlive(t -> t.time(KEEP_ALIVE)));
            return new PointInTime(remote, response.pitId());
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
    }

    Pit reference() {
        return new Pit.Builder().id(id).keepAlive(KEEP_ALIVE).build();
    }

    @Override
    public void close() {
        try {
            remote.client().deletePit(d -> d.pitId(List.of(id)));
        } catch (Exception e) {
            // the cluster drops it at keep-alive anyway
        }
    }
}

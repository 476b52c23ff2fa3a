package org.trailworkbench.casefile;

import org.apache.lucene.store.Lock;

/**
 * Stands in for the index's write lock where taking it would create {@code write.lock} in an index that has
 * none, or where there is no index folder to lock: no import can start on such an index anyway.
 */
final class NoLock extends Lock {

    @Override
    public void close() {
    }

    @Override
    public void ensureValid() {
    }
}

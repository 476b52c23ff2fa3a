package org.trailworkbench.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Something computed once per segment and kept while the segment lives: a segment never changes, so what
 * is read from it stays true, and it is dropped when the segment's core closes.
 */
public final class PerSegment<T> {

    /** Computes the value for one segment. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(LeafReader segment) throws IOException;
    }

    private final Map<IndexReader.CacheKey, T> cache = new ConcurrentHashMap<>();
    private final Loader<T> loader;

    public PerSegment(Loader<T> loader) {
        this.loader = loader;
    }

    /** The segment's value, computed on first use; a reader that cannot be cached gets a fresh one. */
    public T of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return loader.load(segment);
        }
        IndexReader.CacheKey key = helper.getKey();
        T value = cache.get(key);
        if (value == null) {
            value = loader.load(segment);
            if (cache.putIfAbsent(key, value) == null) {
                helper.addClosedListener(cache::remove);
            }
        }
        return value;
    }
}

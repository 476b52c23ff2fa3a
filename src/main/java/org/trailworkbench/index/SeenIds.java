package org.trailworkbench.index;

import org.apache.lucene.util.BytesRef;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter of the event keys (eventID terms) a writer has indexed. It answers "certainly new" for nearly every event of
 * an import, which is then added with a plain {@code addDocument}; only the rare "maybe seen" (a re-delivered
 * event, a re-import, or a false positive) pays for Lucene's delete-by-term {@code updateDocument}. A false
 * positive therefore costs a little time and never an event. Thread-safe without locks: bits are only set.
 */
final class SeenIds {

    private static final int HASHES = 7; // about 1 % false positives at 10 bits per id
    private static final long MIN_BITS = 1L << 23;
    private static final long MAX_BITS = 1L << 29; // 64 MB at most (50M events); beyond, only speed suffers

    private final AtomicLongArray words;
    private final long bits;

    /** @param expected how many ids it will hold; more only raise the false-positive rate */
    SeenIds(long expected) {
        long wanted = Math.max(MIN_BITS, Math.min(MAX_BITS, expected * 10));
        this.bits = Long.highestOneBit(wanted - 1) << 1;
        this.words = new AtomicLongArray((int) (bits >>> 6));
    }

    /** Records the id; true when it may have been recorded before, false when it certainly was not. */
    boolean addAndCheck(BytesRef id) {
        long hash = hash(id);
        long h1 = hash;
        long h2 = (hash >>> 32) | 1;
        boolean seen = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & (bits - 1);
            int word = (int) (bit >>> 6);
            long mask = 1L << bit;
            long old = words.get(word);
            if ((old & mask) == 0) {
                seen = false;
                words.getAndAccumulate(word, mask, (a, b) -> a | b);
            }
        }
        return seen;
    }

    /** 64-bit FNV-1a over the bytes, then a finalizer that spreads every input bit over the result. */
    private static long hash(BytesRef id) {
        long h = 0xcbf29ce484222325L;
        for (int i = id.offset; i < id.offset + id.length; i++) {
            h ^= id.bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}

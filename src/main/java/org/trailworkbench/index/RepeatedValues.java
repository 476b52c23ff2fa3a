package org.trailworkbench.index;

import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

import java.util.Arrays;

/**
 * Tells which values an indexing thread keeps meeting: event names, regions, accounts, user agents, role
 * ARNs. Once a value has been seen {@link #REPEATED_AFTER} times, records hold its keyword term in
 * {@link Fields#REPEATED} instead of {@link Fields#KEYWORDS}, and not its words in {@link Fields#ALL}.
 *
 * <p>Why: the cost of indexing is Lucene's hash of a segment's terms, a random memory access per term of
 * a record. Values unique to a record (eventID, requestID, times) make that hash millions of entries large;
 * kept apart, the few thousand repeated values have a small hash of their own that stays in the cache, and
 * a user agent's 12 to 20 words are no longer written again for every record. A free-text search finds
 * repeated values through the words of their few distinct terms ({@link RepeatedWords}).
 *
 * <p>Only speed depends on this guess: a value indexed either way is found by every query. So the tables
 * are small, keyed by a 64-bit hash, and forget everything when full.
 */
final class RepeatedValues {

    static final int REPEATED_AFTER = 8;
    private static final int SEEN_SLOTS = 1 << 16;
    private static final int REPEATED_SLOTS = 1 << 14;

    private final long[] seen = new long[SEEN_SLOTS];
    private final byte[] sightings = new byte[SEEN_SLOTS];
    private int seenCount;
    private final long[] repeated = new long[REPEATED_SLOTS];
    private int repeatedCount;

    /** Counts one more sighting of the term; true when its value now counts as repeated. */
    boolean sighted(BytesRef term) {
        if (looksLikeTime(term)) {
            return false; // each second is a new value: it would only fill the tables
        }
        long key = hash(term);
        if (contains(repeated, key)) {
            return true;
        }
        int slot = slotOf(seen, key);
        if (seen[slot] == 0) {
            if (seenCount >= SEEN_SLOTS / 2) {
                Arrays.fill(seen, 0);
                Arrays.fill(sightings, (byte) 0);
                seenCount = 0;
                slot = slotOf(seen, key);
            }
            seen[slot] = key;
            seenCount++;
        }
        if (++sightings[slot] < REPEATED_AFTER) {
            return false;
        }
        sightings[slot] = 0;
        if (repeatedCount >= REPEATED_SLOTS / 2) {
            Arrays.fill(repeated, 0);
            repeatedCount = 0;
        }
        repeated[slotOf(repeated, key)] = key;
        repeatedCount++;
        return true;
    }

    /** Times as CloudTrail writes them ({@code 2025-03-03t04:07:50z}, folded): digits, dash, digits, dash. */
    private static boolean looksLikeTime(BytesRef term) {
        if (term.length < 11) {
            return false;
        }
        byte[] b = term.bytes;
        int o = term.offset;
        return b[o + 4] == '-' && b[o + 7] == '-' && isDigit(b[o]) && isDigit(b[o + 3]) && isDigit(b[o + 5])
                && isDigit(b[o + 9]) && b[o + 10] == 't';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean contains(long[] table, long key) {
        return table[slotOf(table, key)] == key;
    }

    /** The slot holding {@code key}, or the empty slot where it would go (linear probing; 0 is empty). */
    private static int slotOf(long[] table, long key) {
        int mask = table.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (table[slot] != 0 && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** A 64-bit hash of the bytes, eight at a time; never 0, which marks an empty slot. */
    private static long hash(BytesRef term) {
        byte[] b = term.bytes;
        int i = term.offset;
        int end = term.offset + term.length;
        long h = term.length * 0x9E3779B97F4A7C15L;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) BitUtil.VH_LE_LONG.get(b, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (; i < end; i++) {
            h = (h ^ b[i]) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }
}

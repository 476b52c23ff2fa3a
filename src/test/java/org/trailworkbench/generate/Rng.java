package org.trailworkbench.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SplitMix64, written out here rather than taken from {@link java.util.SplittableRandom} so the generated
 * bytes cannot change with the JDK: the same seed must give the same trail on every machine, for ever.
 * Not thread-safe; every unit of work derives its own instance with {@link #mix}.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        return finish(state += GOLDEN);
    }

    /** Uniform in [0, bound); the 31-bit multiply-shift keeps it branch-free (the bias is below 2^-31 * bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [lo, hi]. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** A child seed for one named part of the work: unrelated parts get unrelated streams. */
    static long mix(long seed, long part) {
        return finish(seed ^ finish(part + GOLDEN));
    }

    static long mix(long seed, String part) {
        return mix(seed, hash(part));
    }

    /** FNV-1a over the UTF-8 bytes, then SplitMix's finaliser: stable, unlike String.hashCode's 32 bits. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

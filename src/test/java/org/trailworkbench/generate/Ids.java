package org.trailworkbench.generate;

/** The identifier shapes AWS uses, drawn from an {@link Rng} so they repeat with the seed. */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private Ids() {
    }

    /** A version-4 UUID, formatted by hand because {@code UUID.toString} costs more than the rest of an event. */
    static String uuid(Rng r) {
        long hi = r.nextLong();
        long lo = r.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] c = new char[36];
        int p = 0;
        for (int i = 15; i >= 0; i--) {
            c[p++] = HEX[(int) (hi >>> (i * 4)) & 0xF];
            if (i == 8 || i == 4) {
                c[p++] = '-';
            }
        }
        c[p++] = '-';
        for (int i = 15; i >= 0; i--) {
            c[p++] = HEX[(int) (lo >>> (i * 4)) & 0xF];
            if (i == 12) {
                c[p++] = '-';
            }
        }
        return new String(c);
    }

    static String hex(Rng r, int length) {
        return draw(r, HEX, length);
    }

    static String upperAlnum(Rng r, int length) {
        return draw(r, UPPER_ALNUM, length);
    }

    /** The 16-character unique part of a log file name. */
    static String alnum(Rng r, int length) {
        return draw(r, ALNUM, length);
    }

    static String base64(Rng r, int length) {
        return draw(r, BASE64, length);
    }

    /** AKIA/ASIA/AIDA/AROA-style ids: a four-letter kind and 16 or 17 upper-case letters and digits. */
    static String awsId(String kind, Rng r, int length) {
        return kind + upperAlnum(r, length);
    }

    /** A resource id such as {@code i-0a1b2c3d4e5f60718}; seeded by name so a resource keeps its id. */
    static String resource(String prefix, long seed, int hexLength) {
        return prefix + "-0" + hex(new Rng(seed), hexLength - 1);
    }

    private static String draw(Rng r, char[] alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet[r.nextInt(alphabet.length)];
        }
        return new String(c);
    }
}

package org.trailworkbench.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 the manifest records for every file, as lowercase hex. */
final class Sha256 {

    private Sha256() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads {@code in} to its end; returns the hash and how many bytes it read. */
    static Hashed of(InputStream in) throws IOException {
        MessageDigest digest = digest();
        try (InputStream hashing = new DigestInputStream(in, digest)) {
            long bytes = hashing.transferTo(java.io.OutputStream.nullOutputStream());
            return new Hashed(HexFormat.of().formatHex(digest.digest()), bytes);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    record Hashed(String hex, long bytes) {
    }
}

package org.trailworkbench.generate;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The RSA key that signs a generated trail's digests, derived from the seed.
 *
 * <p>Why not {@code KeyPairGenerator} with a seeded {@code SecureRandom}: the JDK's RSA generator has
 * changed its prime checks between releases, so the same seed could give another key on another JDK. Here
 * the primes come straight from {@link BigInteger#probablePrime} fed by a seeded SHA1PRNG, both unchanged
 * since Java 1.4, and the key is assembled by hand.
 */
public final class TrailKeys {
    private static final BigInteger E = BigInteger.valueOf(65_537);

    private final KeyPair keyPair;
    private final byte[] pkcs1;
    private final String fingerprint;
    private final Instant validityStart;
    private final Instant validityEnd;

    private TrailKeys(KeyPair keyPair, Instant validityStart, Instant validityEnd) {
        this.keyPair = keyPair;
        this.pkcs1 = pkcs1((RSAPublicKey) keyPair.getPublic());
        this.fingerprint = md5Hex(pkcs1);
        this.validityStart = validityStart;
        this.validityEnd = validityEnd;
    }

    /** A 2048-bit key that depends only on {@code seed}; the validity times only go into public-keys.json. */
    public static TrailKeys derive(long seed, Instant validityStart, Instant validityEnd) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG", "SUN");
            // Seeding before the first use replaces the self-seeding, which makes the stream deterministic.
            random.setSeed(ByteBuffer.allocate(8 + 24).putLong(seed)
                    .put("trail-workbench rsa key ".getBytes(StandardCharsets.US_ASCII)).array());
            while (true) {
                BigInteger p = BigInteger.probablePrime(1024, random);
                BigInteger q = BigInteger.probablePrime(1024, random);
                BigInteger n = p.multiply(q);
                BigInteger p1 = p.subtract(BigInteger.ONE);
                BigInteger q1 = q.subtract(BigInteger.ONE);
                if (p.equals(q) || n.bitLength() != 2048
                        || !E.gcd(p1).equals(BigInteger.ONE) || !E.gcd(q1).equals(BigInteger.ONE)) {
                    continue;
                }
                if (p.compareTo(q) < 0) {
                    BigInteger t = p;
                    p = q;
                    q = t;
                    p1 = p.subtract(BigInteger.ONE);
                    q1 = q.subtract(BigInteger.ONE);
                }
                BigInteger d = E.modInverse(p1.multiply(q1));
                KeyFactory factory = KeyFactory.getInstance("RSA");
                var publicKey = factory.generatePublic(new RSAPublicKeySpec(n, E));
                var privateKey = factory.generatePrivate(new RSAPrivateCrtKeySpec(
                        n, E, d, p, q, d.mod(p1), d.mod(q1), q.modInverse(p)));
                return new TrailKeys(new KeyPair(publicKey, privateKey), validityStart, validityEnd);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA1PRNG or RSA", e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    /** The public key as PKCS#1 {@code RSAPublicKey} DER, which is what ListPublicKeys returns in Value. */
    public byte[] publicKeyPkcs1Der() {
        return pkcs1.clone();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pkcs1);
    }

    /** Hex MD5 of the PKCS#1 DER bytes: the digests' digestPublicKeyFingerprint. */
    public String fingerprint() {
        return fingerprint;
    }

    public Instant validityStart() {
        return validityStart;
    }

    public Instant validityEnd() {
        return validityEnd;
    }

    /** {@code RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }}. */
    static byte[] pkcs1(RSAPublicKey key) {
        byte[] modulus = derInteger(key.getModulus());
        byte[] exponent = derInteger(key.getPublicExponent());
        byte[] body = new byte[modulus.length + exponent.length];
        System.arraycopy(modulus, 0, body, 0, modulus.length);
        System.arraycopy(exponent, 0, body, modulus.length, exponent.length);
        return derTagged(0x30, body);
    }

    private static byte[] derInteger(BigInteger value) {
        return derTagged(0x02, value.toByteArray()); // two's complement, minimal: what DER wants
    }

    private static byte[] derTagged(int tag, byte[] content) {
        int length = content.length;
        byte[] header;
        if (length < 0x80) {
            header = new byte[] {(byte) tag, (byte) length};
        } else if (length < 0x100) {
            header = new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        } else {
            header = new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        byte[] out = new byte[header.length + length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(content, 0, out, header.length, length);
        return out;
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.trailworkbench.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs digest files the way CloudTrail does. The signature covers the UTF-8 string
 * {@code digestEndTime \n bucket/object \n hex(SHA-256(uncompressed digest)) \n previousDigestSignature},
 * with the literal {@code null} as the previous signature of a chain's first digest. CloudTrail keeps the
 * hex signature in the S3 object's metadata; in an evidence folder it sits beside the digest in
 * {@code <digest file name>.metadata.json}.
 *
 * <p>Integrity tests use this class to re-sign a digest they tampered with, so that only the change they
 * mean to test (say, a log file hash) is wrong.
 */
public final class DigestSigner {
    public static final String ALGORITHM = "SHA256withRSA";
    public static final String SIDECAR_SUFFIX = ".metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrivateKey key;

    public DigestSigner(PrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public DigestSigner(KeyPair keys) {
        this(keys.getPrivate());
    }

    /** The exact text that is signed; a null previous signature becomes {@code "null"}. */
    public static String signingString(String digestEndTime, String bucket, String object,
                                       String digestSha256Hex, String previousSignature) {
        return digestEndTime + "\n" + bucket + "/" + object + "\n" + digestSha256Hex + "\n"
                + (previousSignature == null ? "null" : previousSignature);
    }

    /** Lower-case hex SHA256withRSA signature of {@code signingString}. */
    public String sign(String signingString) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(signingString.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key", e);
        }
    }

    /**
     * Signs an uncompressed digest file as it stands: end time, bucket, object and previous signature are
     * read from the digest itself, so a tampered digest is signed with whatever it now claims.
     */
    public String sign(byte[] uncompressedDigest) throws IOException {
        JsonNode digest = JSON.readTree(uncompressedDigest);
        JsonNode previous = digest.path("previousDigestSignature");
        return sign(signingString(digest.path("digestEndTime").asText(), digest.path("digestS3Bucket").asText(),
                digest.path("digestS3Object").asText(), sha256Hex(uncompressedDigest),
                previous.isTextual() ? previous.asText() : null));
    }

    public static boolean verify(PublicKey publicKey, String signingString, String signatureHex) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(signingString.getBytes(StandardCharsets.UTF_8));
            return signature.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The sidecar's content, in the shape S3 returns the metadata. */
    public static String sidecarJson(String signatureHex) {
        return "{\"signature\":\"" + signatureHex + "\",\"signature-algorithm\":\"" + ALGORITHM + "\"}";
    }

    public static Path sidecarPath(Path digestFile) {
        return digestFile.resolveSibling(digestFile.getFileName() + SIDECAR_SUFFIX);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

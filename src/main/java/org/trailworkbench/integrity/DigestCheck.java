package org.trailworkbench.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.RSADigestSigner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads one digest and checks it on its own, in the AWS CLI's order (format, signature metadata, required
 * fields, location, public key, signature) with our checks slotted in where they belong: the signature
 * algorithm, and the key's validity window.
 */
final class DigestCheck {
    static final String ALGORITHM = "SHA256withRSA";
    /** A digest lists an hour of log files; far more than this is not a digest and must not fill the heap. */
    private static final int MAX_DIGEST_BYTES = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("digestPublicKeyFingerprint", "digestS3Bucket",
            "digestS3Object", "previousDigestSignature", "digestEndTime", "digestStartTime");

    private final EvidenceSource source;
    private final PublicKeys keys;

    DigestCheck(EvidenceSource source, PublicKeys keys) {
        this.source = source;
        this.keys = keys;
    }

    /** Never throws for a bad digest; I/O errors reading it become {@link Verdict#UNREADABLE}. */
    DigestFile check(String key, GzipHasher hasher) {
        KeyNames.DigestName name = KeyNames.digest(key).orElse(null);
        GzipHasher.Result hashed;
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (InputStream in = source.open(key)) {
            hashed = hasher.hash(in, new Capped(content));
        } catch (java.nio.file.NoSuchFileException e) {
            return failed(key, name, null, Verdict.DIGEST_NOT_FOUND, "it disappeared while being verified");
        } catch (TooLarge e) {
            return failed(key, name, null, Verdict.DIGEST_INVALID_FORMAT, "over " + (MAX_DIGEST_BYTES >> 20)
                    + " MB uncompressed: not a digest");
        } catch (IOException e) {
            return failed(key, name, null, Verdict.UNREADABLE, e.toString());
        }
        if (hashed.outcome() != GzipHasher.Outcome.OK) {
            return failed(key, name, hashed.fileSha256(), Verdict.DIGEST_INVALID_FORMAT, hashed.detail());
        }
        JsonNode json;
        try {
            json = JSON.readTree(content.toByteArray());
        } catch (IOException e) {
            return failed(key, name, hashed.fileSha256(), Verdict.DIGEST_INVALID_FORMAT, "not JSON: "
                    + firstLine(e.getMessage()));
        }
        return checkParsed(key, name, hashed, json);
    }

    private DigestFile checkParsed(String key, KeyNames.DigestName name, GzipHasher.Result hashed, JsonNode json) {
        if (json == null || !json.isObject()) {
            return failed(key, name, hashed.fileSha256(), Verdict.DIGEST_INVALID_FORMAT, "not a JSON object");
        }
        Instant start = time(json, "digestStartTime");
        Instant end = time(json, "digestEndTime");
        List<DigestFile.ListedLog> logs = new ArrayList<>();
        JsonNode logFiles = json.get("logFiles");
        boolean logsOk = logFiles != null && logFiles.isArray();
        if (logsOk) {
            for (JsonNode log : logFiles) {
                logs.add(new DigestFile.ListedLog(text(log, "s3Bucket"), text(log, "s3Object"), text(log, "hashValue")));
            }
        }
        String signature = null;
        Verdict verdict = Verdict.DIGEST_VALID;
        String reason = null;
        Optional<EvidenceSource.SignatureMetadata> meta;
        try {
            meta = source.signature(key);
        } catch (IOException e) {
            meta = Optional.empty();
            verdict = Verdict.UNREADABLE;
            reason = "its signature metadata cannot be read: " + e;
        }
        String missingField = REQUIRED.stream().filter(f -> !json.has(f)).findFirst().orElse(null);
        if (verdict != Verdict.DIGEST_VALID) {
            // unreadable metadata: reason set above
        } else if (missingField != null || !logsOk || start == null || end == null) {
            verdict = Verdict.DIGEST_INVALID_FORMAT;
            reason = missingField != null ? "no " + missingField + " field"
                    : !logsOk ? "no logFiles list" : "digestStartTime or digestEndTime is not a time";
        } else if (meta.isEmpty() || meta.get().signature() == null) {
            verdict = Verdict.DIGEST_SIGNATURE_MISSING;
            reason = meta.isEmpty() ? "no signature metadata (for a folder: no " + FolderSource.SIDECAR_SUFFIX
                    + " sidecar beside the digest)" : "the signature metadata has no signature";
        } else {
            signature = meta.get().signature();
            String[] outcome = verify(key, json, hashed.contentSha256(), meta.get(), end);
            if (outcome != null) {
                verdict = Verdict.valueOf(outcome[0]);
                reason = outcome[1];
            }
        }
        if (signature == null && meta.isPresent()) {
            signature = meta.get().signature();
        }
        return new DigestFile(key, name, hashed.fileSha256(), hashed.contentSha256(), true,
                text(json, "digestStartTime"), text(json, "digestEndTime"), start, end, text(json, "digestS3Bucket"),
                text(json, "digestS3Object"), text(json, "digestPublicKeyFingerprint"),
                text(json, "previousDigestS3Object"), text(json, "previousDigestHashValue"),
                text(json, "previousDigestSignature"), logs, signature, verdict, reason);
    }

    /** Null when the signature holds; else {verdict name, reason}. */
    private String[] verify(String key, JsonNode json, String contentSha256, EvidenceSource.SignatureMetadata meta,
                            Instant end) {
        String bucket = text(json, "digestS3Bucket");
        String object = text(json, "digestS3Object");
        boolean moved = source.bucket() != null
                ? !source.bucket().equals(bucket) || !key.equals(object)
                : object == null || !KeyNames.tail(object).equals(KeyNames.tail(key));
        if (moved) {
            return new String[]{"DIGEST_MOVED", "it says it is s3://" + bucket + "/" + object};
        }
        String algorithm = meta.algorithm();
        String declared = text(json, "digestSignatureAlgorithm");
        if (algorithm == null || !algorithm.equals(ALGORITHM) || declared != null && !declared.equals(ALGORITHM)) {
            return new String[]{"DIGEST_ALGORITHM_UNSUPPORTED", "the signature algorithm is "
                    + (algorithm == null ? "not given" : algorithm)
                    + (declared != null && !declared.equals(ALGORITHM) ? " (the digest says " + declared + ")" : "")
                    + "; CloudTrail signs with " + ALGORITHM};
        }
        String fingerprint = text(json, "digestPublicKeyFingerprint");
        PublicKeys.Lookup lookup = keys.find(fingerprint, end);
        if (lookup instanceof PublicKeys.Lookup.NotFound notFound) {
            return new String[]{"DIGEST_PUBLIC_KEY_NOT_FOUND", "fingerprint " + fingerprint + ": " + notFound.why()};
        }
        if (lookup instanceof PublicKeys.Lookup.OutsideValidity outside) {
            PublicKeys.Entry e = outside.entries().get(0);
            return new String[]{"DIGEST_KEY_OUTSIDE_VALIDITY", "the key " + fingerprint + " is valid from "
                    + e.validFrom() + " to " + e.validTo() + ", but the digest ends at " + end};
        }
        if (lookup instanceof PublicKeys.Lookup.Unloadable unloadable) {
            return new String[]{"DIGEST_KEY_UNLOADABLE", "with fingerprint " + fingerprint + ": " + unloadable.why()};
        }
        PublicKeys.Entry entry = ((PublicKeys.Lookup.Found) lookup).entry();
        String previous = text(json, "previousDigestSignature");
        String signed = text(json, "digestEndTime") + "\n" + bucket + "/" + object + "\n" + contentSha256 + "\n"
                + (previous == null ? "null" : previous);
        if (!signatureHolds(entry, signed, meta.signature())) {
            return new String[]{"DIGEST_SIGNATURE_FAILED", "the signature does not match the digest's content"
                    + " under the key " + fingerprint};
        }
        return null;
    }

    private static boolean signatureHolds(PublicKeys.Entry entry, String signed, String signatureHex) {
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        RSADigestSigner verifier = new RSADigestSigner(new SHA256Digest());
        verifier.init(false, entry.key());
        byte[] bytes = signed.getBytes(StandardCharsets.UTF_8);
        verifier.update(bytes, 0, bytes.length);
        return verifier.verifySignature(signature);
    }

    private static DigestFile failed(String key, KeyNames.DigestName name, String fileSha256, Verdict verdict,
                                     String reason) {
        return new DigestFile(key, name, fileSha256, null, false, null, null, null, null, null, null, null, null, null,
                null, List.of(), null, verdict, reason);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Stops a runaway "digest" from filling the heap. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    private static final class Capped extends OutputStream {
        private final ByteArrayOutputStream target;

        Capped(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (target.size() + len > MAX_DIGEST_BYTES) {
                throw new TooLarge();
            }
            target.write(b, off, len);
        }
    }
}

package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Writes the hourly digest chain of one account and region. Every hour gets a digest, listing the log
 * files delivered in it (possibly none); each digest names, hashes and carries the signature of the one
 * before, and its own signature goes into a {@code .metadata.json} sidecar.
 */
final class DigestChainWriter implements Callable<Integer> {
    private static final long HOUR = 3600;

    private final TrailSpec spec;
    private final TrailLayout layout;
    private final Path root;
    private final JsonFactory json;
    private final DigestSigner signer;
    private final String fingerprint;
    private final String account;
    private final String region;
    private final List<LogFile> files;

    /** {@code files} sorted by delivery time. */
    DigestChainWriter(TrailSpec spec, TrailLayout layout, Path root, JsonFactory json, DigestSigner signer,
                      String fingerprint, String account, String region, List<LogFile> files) {
        this.spec = spec;
        this.layout = layout;
        this.root = root;
        this.json = json;
        this.signer = signer;
        this.fingerprint = fingerprint;
        this.account = account;
        this.region = region;
        this.files = files;
    }

    /** Returns the number of digests written. */
    @Override
    public Integer call() throws IOException {
        // Real chains tick at the minute and second logging began, not on the hour; each region its own.
        long phase = 1 + Math.floorMod(Rng.mix(spec.seed(), "digest " + account + " " + region), HOUR - 1);
        long origin = spec.start().getEpochSecond() - HOUR + phase;
        long last = spec.start().getEpochSecond() + spec.days() * 86_400L;
        for (LogFile file : files) {
            last = Math.max(last, file.deliveredAt());
        }
        int count = (int) ((last - origin) / HOUR + 1);
        String previousKey = null;
        String previousHash = null;
        String previousSignature = null;
        int next = 0;
        for (int k = 0; k < count; k++) {
            long start = origin + k * HOUR;
            long end = start + HOUR;
            int first = next;
            while (next < files.size() && files.get(next).deliveredAt() < end) {
                next++;
            }
            String key = layout.digestKey(account, region, end);
            byte[] digest = render(start, end, key, files.subList(first, next), previousKey, previousHash,
                    previousSignature);
            Path path = TrailLayout.file(root, key);
            String hash = GzipJsonFile.write(path, digest);
            String signature = signer.sign(DigestSigner.signingString(Times.iso(end), spec.bucket(), key, hash,
                    previousSignature));
            Files.writeString(DigestSigner.sidecarPath(path), DigestSigner.sidecarJson(signature),
                    StandardCharsets.UTF_8);
            previousKey = key;
            previousHash = hash;
            previousSignature = signature;
        }
        if (next != files.size()) {
            throw new IllegalStateException("log files delivered after the last digest of " + account + " " + region);
        }
        return count;
    }

    private byte[] render(long start, long end, String key, List<LogFile> listed, String previousKey,
                          String previousHash, String previousSignature) throws IOException {
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (LogFile file : listed) {
            oldest = Math.min(oldest, file.oldest());
            newest = Math.max(newest, file.newest());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + listed.size() * 400);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("awsAccountId", account);
            g.writeStringField("digestStartTime", Times.iso(start));
            g.writeStringField("digestEndTime", Times.iso(end));
            g.writeStringField("digestS3Bucket", spec.bucket());
            g.writeStringField("digestS3Object", key);
            g.writeStringField("digestPublicKeyFingerprint", fingerprint);
            g.writeStringField("digestSignatureAlgorithm", DigestSigner.ALGORITHM);
            g.writeStringField("newestEventTime", listed.isEmpty() ? null : Times.iso(newest));
            g.writeStringField("oldestEventTime", listed.isEmpty() ? null : Times.iso(oldest));
            g.writeStringField("previousDigestS3Bucket", previousKey == null ? null : spec.bucket());
            g.writeStringField("previousDigestS3Object", previousKey);
            g.writeStringField("previousDigestHashValue", previousHash);
            g.writeStringField("previousDigestHashAlgorithm", previousKey == null ? null : "SHA-256");
            g.writeStringField("previousDigestSignature", previousSignature);
            g.writeArrayFieldStart("logFiles");
            for (LogFile file : listed) {
                g.writeStartObject();
                g.writeStringField("s3Bucket", spec.bucket());
                g.writeStringField("s3Object", file.key());
                g.writeStringField("hashValue", file.sha256());
                g.writeStringField("hashAlgorithm", "SHA-256");
                g.writeStringField("newestEventTime", Times.iso(file.newest()));
                g.writeStringField("oldestEventTime", Times.iso(file.oldest()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}

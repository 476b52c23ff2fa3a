package org.trailworkbench.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trailworkbench.generate.DigestSigner;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailKeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A copy of a generated trail that a test tampers with: files by region, digests read and rewritten (and
 * re-signed with the trail's own key when the test wants only its change to be wrong), and a verification.
 */
final class Evidence {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path root;
    final TrailKeys keys;

    private Evidence(Path root, TrailKeys keys) {
        this.root = root;
        this.keys = keys;
    }

    /** Copies the pristine trail into {@code target}. */
    static Evidence copyOf(GeneratedTrail pristine, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(pristine.root())) {
            for (Path file : files.toList()) {
                Path to = target.resolve(pristine.root().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Evidence(target, pristine.keys());
    }

    VerificationReport verify() throws IOException {
        return verify(VerificationScope.ALL);
    }

    VerificationReport verify(VerificationScope scope) throws IOException {
        return new Verification(new FolderSource(root, null), scope, 2).run(VerificationListener.SILENT,
                org.trailworkbench.task.Cancellation.none());
    }

    /** Files under {@code folder} ("CloudTrail", "CloudTrail-Digest", ...) of one account and region, by name. */
    List<Path> files(String account, String folder, String region) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> key(p).contains(account + "/" + folder + "/" + region + "/"))
                    .filter(p -> p.toString().endsWith(".json.gz"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> digests(String account, String region) {
        return files(account, "CloudTrail-Digest", region);
    }

    List<Path> logs(String account, String region) {
        return files(account, "CloudTrail", region);
    }

    String key(Path file) {
        return org.trailworkbench.ingest.SlashPaths.of(root.relativize(file));
    }

    Path file(String key) {
        return root.resolve(key);
    }

    /** The keys of the log files a digest lists, as they are in this copy. */
    List<String> listedIn(Path digest) {
        String prefix = KeyNames.prefix(key(digest));
        return readDigest(digest).withArray("logFiles").valueStream()
                .map(n -> prefix + KeyNames.tail(n.get("s3Object").asText())).toList();
    }

    /** A digest of this chain whose hour lists at least {@code min} log files, away from both ends. */
    int busyDigest(List<Path> chain, int min) {
        for (int i = 2; i < chain.size() - 2; i++) {
            if (listedIn(chain.get(i)).size() >= min) {
                return i;
            }
        }
        throw new IllegalStateException("no digest with " + min + " log files");
    }

    ObjectNode readDigest(Path digest) {
        return (ObjectNode) readJson(gunzip(digest));
    }

    /** Writes the digest; with {@code resign}, its sidecar gets a valid signature over the new content. */
    void writeDigest(Path digest, ObjectNode content, boolean resign) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(content);
        Files.write(digest, gzip(bytes));
        if (resign) {
            String signature = new DigestSigner(keys.keyPair()).sign(bytes);
            Files.writeString(DigestSigner.sidecarPath(digest), DigestSigner.sidecarJson(signature));
        }
    }

    /**
     * Makes every digest after {@code from} point at its rewritten predecessor again (hash and signature)
     * and re-signs it, as CloudTrail would have written the chain had the earlier digest been as it is now.
     */
    void relinkAfter(List<Path> chain, int from) throws IOException {
        for (int i = from + 1; i < chain.size(); i++) {
            Path previous = chain.get(i - 1);
            ObjectNode d = readDigest(chain.get(i));
            d.put("previousDigestHashValue", DigestSigner.sha256Hex(gunzip(previous)));
            d.put("previousDigestSignature", signature(previous));
            writeDigest(chain.get(i), d, true);
        }
    }

    String signature(Path digest) throws IOException {
        return readJson(Files.readAllBytes(DigestSigner.sidecarPath(digest))).get("signature").asText();
    }

    void delete(Path file) throws IOException {
        Files.delete(file);
        Files.deleteIfExists(DigestSigner.sidecarPath(file));
    }

    static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item for a key, of a kind. */
    static VerificationItem item(VerificationReport report, ItemKind kind, String key) {
        return report.items().stream().filter(i -> i.kind() == kind && i.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " item for " + key));
    }

    /** The items that are not plainly valid and not the Insights notices: what a test expects exactly. */
    static List<String> findings(VerificationReport report) {
        return report.items().stream()
                .filter(i -> i.verdict().category() != Verdict.Category.VALID && i.verdict() != Verdict.INSIGHTS_NOT_COVERED)
                .map(i -> i.verdict() + " " + i.key())
                .toList();
    }
}

package org.trailworkbench.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.trailworkbench.ingest.SlashPaths;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * An evidence folder (see docs/EVIDENCE-FOLDER.md): signatures from {@code <digest>.metadata.json}
 * sidecars, public keys from {@code public-keys.json} at the root or from a file given explicitly.
 * Files are only ever opened for reading.
 */
public final class FolderSource implements EvidenceSource {
    public static final String PUBLIC_KEYS_FILE = "public-keys.json";
    public static final String SIDECAR_SUFFIX = ".metadata.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path publicKeysFile;
    private final boolean keysGiven;

    /** @param publicKeysFile the keys to use, or null for {@code public-keys.json} at the root */
    public FolderSource(Path root, Path publicKeysFile) {
        this.root = root.toAbsolutePath().normalize();
        this.keysGiven = publicKeysFile != null;
        this.publicKeysFile = keysGiven ? publicKeysFile.toAbsolutePath().normalize()
                : this.root.resolve(PUBLIC_KEYS_FILE);
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<EvidenceObject> list(Cancellation cancellation) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such folder");
        }
        List<EvidenceObject> objects = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (cancellation.isCancelled()) {
                    throw new CancellationException("cancelled");
                }
                boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !name.startsWith(".") && !name.endsWith(SIDECAR_SUFFIX)
                        && !file.equals(publicKeysFile) && !(file.getParent().equals(root) && name.equals(PUBLIC_KEYS_FILE))) {
                    objects.add(new EvidenceObject(key(file), attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable file is still evidence: listing it lets its read fail with a named reason.
                objects.add(new EvidenceObject(key(file), 0));
                return FileVisitResult.CONTINUE;
            }
        });
        return objects;
    }

    /** Only the platform's separator splits names: a backslash in a name on Linux stays part of the key. */
    private String key(Path file) {
        return SlashPaths.of(root.relativize(file));
    }

    private Path file(String key) {
        return SlashPaths.resolve(root, key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(file(key));
    }

    @Override
    public Optional<SignatureMetadata> signature(String digestKey) throws IOException {
        Path sidecar = file(digestKey + SIDECAR_SUFFIX);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(sidecar.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Optional.of(new SignatureMetadata(null, null));
        }
        return Optional.of(new SignatureMetadata(text(json, "signature"), text(json, "signature-algorithm")));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    @Override
    public PublicKeys publicKeys(java.util.Set<String> regions, java.time.Instant from, java.time.Instant to)
            throws IOException {
        if (keysGiven && !Files.exists(publicKeysFile)) {
            throw new NoSuchFileException(publicKeysFile.toString(), null, "no such public keys file");
        }
        if (!Files.isRegularFile(publicKeysFile)) {
            // Not an error that stops the run: every digest then says why it could not be checked.
            return PublicKeys.none("no public keys: " + publicKeysFile + " does not exist"
                    + " (save `aws cloudtrail list-public-keys` output there, or give --public-keys FILE)");
        }
        try (InputStream in = Files.newInputStream(publicKeysFile)) {
            return PublicKeys.parse(in, publicKeysFile.toString());
        }
    }

    @Override
    public String location(String key) {
        return file(key).toString();
    }
}

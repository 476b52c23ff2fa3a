package org.trailworkbench.casefile;

import org.trailworkbench.ingest.LocalFile;
import org.trailworkbench.ingest.SlashPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files on disk, found at the absolute path the manifest records as their id. A file is used only when its
 * SHA-256 is still the one recorded at import: evidence that changed since is reported, never read in silently.
 */
public final class LocalSources implements RebuildSources {

    @Override
    public Found find(FileRecord record) throws IOException {
        Path file = Path.of(record.id());
        if (!Files.isRegularFile(file)) {
            return Found.leftOut("no longer there: import it again from where it is now");
        }
        long size = Files.size(file);
        String sha = Sha256.of(Files.newInputStream(file)).hex();
        if (size != record.size() || !sha.equals(record.sha256())) {
            return Found.leftOut("changed since it was imported (SHA-256 was " + abbreviated(record.sha256()) + ", is "
                    + abbreviated(sha) + "): import it again to read its new bytes");
        }
        return Found.file(new LocalFile(record.source(), file, relativePath(record.source(), file), size));
    }

    /** What the first import parsed the path from: relative to the folder imported, or the file's name. */
    private static String relativePath(String source, Path file) {
        Path root = source == null ? null : Path.of(source);
        if (root != null && !root.equals(file) && file.startsWith(root)) {
            return SlashPaths.of(root.relativize(file));
        }
        return file.getFileName().toString();
    }

    private static String abbreviated(String sha) {
        return sha == null ? "unknown" : sha.substring(0, Math.min(12, sha.length())) + "…";
    }
}

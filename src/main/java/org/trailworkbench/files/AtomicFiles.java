package org.trailworkbench.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files that are either there whole or not changed at all: written beside the target under a hidden name,
 * then moved over it. A crash, a failure or a cancel mid-write leaves the previous file (or none), never
 * half a report, half a download or half the settings.
 */
public final class AtomicFiles {

    /** What goes into the file; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} (and its folders) whole, or leaves it as it was and throws. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path part = partBeside(absolute);
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(out);
            }
            replace(part, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(part);
            }
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /**
     * A new, not yet existing name in the target's folder for writing it: hidden, and unique, so that two
     * writers of the same target never write into one file. Its owner deletes it if it is never moved.
     */
    public static Path partBeside(Path target) {
        Path absolute = target.toAbsolutePath();
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return absolute.resolveSibling("." + absolute.getFileName() + "." + HexFormat.of().formatHex(random) + ".part");
    }

    /**
     * Moves a finished file over the target: atomically where the file system can (readers see the old or
     * the new file), else as a plain replace, as on some network and FUSE file systems.
     */
    public static void replace(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.trailworkbench.ingest;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Says what a folder entry that is not a regular file is, for the import summary. Such entries are never
 * opened: reading a FIFO blocks until someone writes to it, and a device may never end.
 */
final class SpecialFiles {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private SpecialFiles() {
    }

    static String describe(Path file, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return brokenLink(file);
        }
        String kind = switch (unixType(file)) {
            case FIFO -> "a FIFO (named pipe)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "a special file";
        };
        return kind + ", not a regular file: not read";
    }

    /** A link the walk could not follow: to nothing, or to itself through other links. */
    private static String brokenLink(Path file) {
        try {
            file.toRealPath();
            return "a symbolic link that cannot be followed: not read";
        } catch (NoSuchFileException e) {
            return "a broken symbolic link: its target does not exist";
        } catch (FileSystemException e) {
            return "a symbolic link loop: " + (e.getReason() == null ? "it cannot be resolved" : e.getReason());
        } catch (IOException e) {
            return "a symbolic link that cannot be followed: " + e.getMessage();
        }
    }

    /** The file type bits of st_mode where the platform has them (Linux, macOS); 0 elsewhere. */
    private static int unixType(Path file) {
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode")) & TYPE_MASK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }
}

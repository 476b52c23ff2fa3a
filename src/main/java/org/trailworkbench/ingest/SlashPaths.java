package org.trailworkbench.ingest;

import java.nio.file.Path;

/**
 * Relative paths as keys: names joined with '/' whatever the platform. Only the platform's separator
 * splits names; a backslash is a legal character of a file name on Linux and macOS and stays in the key.
 */
public final class SlashPaths {

    private SlashPaths() {
    }

    public static String of(Path relative) {
        StringBuilder key = new StringBuilder();
        for (Path name : relative) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(name);
        }
        return key.toString();
    }

    /** The file a key names under {@code root}: the inverse of {@link #of}. */
    public static Path resolve(Path root, String key) {
        Path file = root;
        for (String name : key.split("/", -1)) {
            if (!name.isEmpty()) {
                file = file.resolve(name);
            }
        }
        return file;
    }
}

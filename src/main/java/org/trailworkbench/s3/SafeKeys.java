package org.trailworkbench.s3;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an object key may be written inside a download folder. A bucket can hold keys such as
 * {@code ../../.bashrc} or {@code /etc/cron.d/x}; written as paths they would land outside the folder.
 * Such keys are refused, never rewritten: a renamed file would no longer match the key its digest names.
 */
final class SafeKeys {

    private SafeKeys() {
    }

    /** The file for {@code key} under {@code folder}, or empty when the key cannot be a path inside it. */
    static Optional<Path> resolve(Path folder, String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0
                || key.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        Path base = folder.toAbsolutePath().normalize();
        try {
            Path file = base.resolve(key).normalize();
            return file.startsWith(base) && !file.equals(base) ? Optional.of(file) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}

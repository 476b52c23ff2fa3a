package org.trailworkbench.index;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A case's index that cannot be opened as committed: its folder, its commit or a file the commit names is
 * missing, truncated or corrupt. Told apart from other I/O failures (permissions, a full disk) because the
 * remedy differs: {@code check} and {@code rebuild}, not "try again".
 */
public final class DamagedIndexException extends IOException {

    private final Path indexDir;
    private final String detail;

    public DamagedIndexException(Path indexDir, String detail, Throwable cause) {
        super("the case index is damaged: " + detail, cause);
        this.indexDir = indexDir;
        this.detail = detail;
    }

    /** The {@code index} folder of the case. */
    public Path indexDir() {
        return indexDir;
    }

    /** What is wrong, without the leading "the case index is damaged". */
    public String detail() {
        return detail;
    }

    static boolean isDamage(Throwable e) {
        return e instanceof DamagedIndexException || e instanceof IndexNotFoundException
                || e instanceof CorruptIndexException || e instanceof NoSuchFileException
                || e instanceof FileNotFoundException || e instanceof EOFException
                || e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException;
    }

    static DamagedIndexException of(Path indexDir, Throwable e) {
        if (e instanceof DamagedIndexException damaged) {
            return damaged;
        }
        if (e instanceof IndexNotFoundException) {
            return new DamagedIndexException(indexDir, "it has no commit (its segments_N file is missing)", e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Lucene wraps a missing segment file in "Problem reading index"; the missing file is the news
            if (cause instanceof NoSuchFileException missing) {
                return new DamagedIndexException(indexDir, "a file of its commit is missing: " + name(missing.getFile()), e);
            }
        }
        if (e instanceof FileNotFoundException missing) {
            return new DamagedIndexException(indexDir, "a file of its commit is missing: " + missing.getMessage(), e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new DamagedIndexException(indexDir, "a file of its commit is unreadable: " + message, e);
    }

    private static String name(String file) {
        return file == null ? "(unnamed)" : Path.of(file).getFileName().toString();
    }
}

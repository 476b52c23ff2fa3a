package org.trailworkbench.ui.errors;

import org.apache.lucene.store.LockObtainFailedException;
import org.trailworkbench.search.QuerySyntaxException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into a sentence a user can act on; the stack trace stays behind "Details". */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof java.io.UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof QuerySyntaxException q) {
            return "The query cannot be read: " + q.getMessage();
        }
        if (e instanceof LockObtainFailedException) {
            return "Another program is writing to this case (an import from the command line?). Wait for it to "
                    + "finish, then try again.";
        }
        if (e instanceof NoSuchFileException f) {
            return "There is no file or folder at " + f.getFile() + ".";
        }
        if (e instanceof AccessDeniedException f) {
            return "Permission denied for " + f.getFile() + ". Check that you may read (or write) it.";
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() == null ? "The file system refused the operation" : capitalize(f.getReason()))
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")") + ".";
        }
        if (e instanceof OutOfMemoryError) {
            return "The workbench ran out of memory. Narrow the query or start it with more memory (-Xmx).";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return (e instanceof IOException ? "An input/output error" : "An unexpected error") + " ("
                    + e.getClass().getSimpleName() + ").";
        }
        return capitalize(message.lines().findFirst().orElse(message));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

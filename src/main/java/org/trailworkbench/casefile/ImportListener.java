package org.trailworkbench.casefile;

/** How an import reports to whoever started it. Called from import threads; implementations hop threads. */
public interface ImportListener {

    ImportListener SILENT = new ImportListener() {
    };

    /** A few times a second. */
    default void progress(ImportProgress progress) {
    }

    /** Once per file, as soon as it is finished (before it is committed). */
    default void fileFinished(FileOutcome outcome) {
    }
}

package org.trailworkbench.casefile;

import org.trailworkbench.ingest.SourceFile;

import java.io.IOException;

/** Finds again the bytes a manifest record was read from, for {@link CaseRebuild}. */
@FunctionalInterface
public interface RebuildSources {

    /** The file to read again, or why it is left out (gone, or changed since it was imported). */
    Found find(FileRecord record) throws IOException;

    /** Exactly one of the two is set. */
    record Found(SourceFile file, String leftOutBecause) {

        public static Found file(SourceFile file) {
            return new Found(file, null);
        }

        public static Found leftOut(String reason) {
            return new Found(null, reason);
        }
    }
}

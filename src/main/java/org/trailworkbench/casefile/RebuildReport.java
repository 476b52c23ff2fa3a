package org.trailworkbench.casefile;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rebuild} did.
 *
 * @param reread    the import of the files read again into the new index
 * @param leftOut   files whose events the old index held but which could not be used, and why
 * @param keptIn    where the previous index and manifest were moved; null when cancelled (nothing changed)
 */
public record RebuildReport(ImportReport reread, List<LeftOut> leftOut, Path keptIn) {

    public record LeftOut(String id, String reason) {
    }

    public boolean cancelled() {
        return reread.cancelled();
    }
}

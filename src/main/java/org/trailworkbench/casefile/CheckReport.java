package org.trailworkbench.casefile;

import java.util.List;

/**
 * What {@code check} found in a case: one verdict, the problems behind it and what to do.
 *
 * @param problems       why the case is damaged; empty when it is healthy
 * @param notes          things worth knowing that need no repair
 * @param indexEvents    events in the index, or -1 when it cannot be opened
 * @param manifestFiles  files the manifest lists with events in the index
 * @param manifestEvents records those files held when they were imported
 */
public record CheckReport(List<String> problems, List<String> notes, long indexEvents, long manifestFiles,
                          long manifestEvents) {

    public boolean healthy() {
        return problems.isEmpty();
    }

    /** The one thing to do, in words. */
    public String advice() {
        if (healthy()) {
            return "nothing to do";
        }
        return "rebuild the index from the " + manifestFiles + " source files the manifest lists: "
                + "trail-workbench rebuild --case DIR (the current index is kept aside, not deleted)";
    }
}

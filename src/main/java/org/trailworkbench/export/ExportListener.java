package org.trailworkbench.export;

/** How an export reports to whoever started it; called on the exporting thread after every page. */
@FunctionalInterface
public interface ExportListener {

    ExportListener SILENT = (rows, total) -> {
    };

    /**
     * @param rowsWritten events written so far (the header not counted)
     * @param total       events the request selects, as counted when the export started
     */
    void progress(long rowsWritten, long total);
}

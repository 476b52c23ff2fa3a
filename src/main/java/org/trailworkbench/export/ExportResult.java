package org.trailworkbench.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of an export.
 *
 * @param file      the file written, or null when writing to a stream or when cancelled (nothing is left)
 * @param columns   the columns written
 * @param rows      events written
 * @param total     events the request selected when the export started
 * @param cancelled whether it was stopped; a cancelled export to a file leaves no file behind
 * @param elapsed   wall time
 */
public record ExportResult(Path file, List<String> columns, long rows, long total, boolean cancelled,
                           Duration elapsed) {
}

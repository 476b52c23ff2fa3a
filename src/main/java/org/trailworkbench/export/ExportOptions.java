package org.trailworkbench.export;

import java.util.List;

/**
 * What a CSV export writes.
 *
 * @param columns     field paths, one column each, in order (see {@link JsonPaths})
 * @param rawFormulas true to write formula-looking cells as they are; by default they get a leading {@code '}
 * @param utf8Bom     true to start the file with a byte order mark, which Excel needs to read UTF-8
 */
public record ExportOptions(List<String> columns, boolean rawFormulas, boolean utf8Bom) {

    /** The columns an analyst reaches for first. */
    public static final List<String> DEFAULT_COLUMNS = List.of(
            "eventTime", "eventSource", "eventName", "awsRegion", "userIdentity.arn", "sourceIPAddress",
            "errorCode", "eventID");

    public static final ExportOptions DEFAULTS = new ExportOptions(DEFAULT_COLUMNS, false, false);

    public ExportOptions {
        columns = columns == null || columns.isEmpty() ? DEFAULT_COLUMNS : JsonPaths.of(columns).paths();
    }

    public ExportOptions withColumns(List<String> c) {
        return new ExportOptions(c, rawFormulas, utf8Bom);
    }

    public ExportOptions withRawFormulas(boolean raw) {
        return new ExportOptions(columns, raw, utf8Bom);
    }

    public ExportOptions withUtf8Bom(boolean bom) {
        return new ExportOptions(columns, rawFormulas, bom);
    }
}

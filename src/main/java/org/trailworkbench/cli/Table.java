package org.trailworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: columns padded to the widest cell of the rows seen first, cells cut at a maximum width.
 * Rows may be printed in batches; the widths are fixed by the first batch so memory stays flat.
 */
final class Table {

    private static final String GAP = "  ";

    private final String[] headers;
    private final boolean[] rightAligned;
    private final int maxWidth;
    private int[] widths;

    Table(int maxWidth, String... headers) {
        this.headers = headers;
        this.rightAligned = new boolean[headers.length];
        this.maxWidth = maxWidth;
    }

    Table alignRight(int column) {
        rightAligned[column] = true;
        return this;
    }

    /** Prints rows; the first call also fixes the widths and prints the header. */
    void print(PrintWriter out, List<String[]> rows) {
        List<String[]> cells = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] clean = new String[headers.length];
            for (int i = 0; i < headers.length; i++) {
                clean[i] = cut(Format.printable(i < row.length ? row[i] : ""));
            }
            cells.add(clean);
        }
        if (widths == null) {
            widths = new int[headers.length];
            for (int i = 0; i < headers.length; i++) {
                widths[i] = width(headers[i]);
            }
            for (String[] row : cells) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], width(row[i]));
                }
            }
            line(out, headers);
        }
        for (String[] row : cells) {
            line(out, row);
        }
    }

    private void line(PrintWriter out, String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            int pad = Math.max(0, widths[i] - width(cell));
            if (i > 0) {
                line.append(GAP);
            }
            if (rightAligned[i]) {
                line.append(" ".repeat(pad)).append(cell);
            } else {
                line.append(cell);
                if (i < cells.length - 1) {
                    line.append(" ".repeat(pad));
                }
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private String cut(String cell) {
        return width(cell) <= maxWidth ? cell
                : cell.substring(0, cell.offsetByCodePoints(0, maxWidth - 1)) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}

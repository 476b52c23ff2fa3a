package org.trailworkbench.export;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted with inner quotes doubled,
 * and every record ends with CRLF. Optionally neutralises cells a spreadsheet would run as a formula
 * (CSV injection): CloudTrail values such as the user agent or request parameters are chosen by whoever
 * made the call, so an analyst opening the export must not execute them.
 */
public final class CsvWriter implements Closeable, Flushable {

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final boolean neutraliseFormulas;

    /**
     * @param out                where the text goes; closed with this writer
     * @param neutraliseFormulas whether to prefix formula-looking cells with {@code '}
     */
    public CsvWriter(Writer out, boolean neutraliseFormulas) {
        this.out = out;
        this.neutraliseFormulas = neutraliseFormulas;
    }

    public void writeRow(List<String> cells) throws IOException {
        writeRow(cells.toArray(String[]::new));
    }

    /** One record; a null cell is written empty. */
    public void writeRow(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells[i] == null ? "" : cells[i];
            writeField(neutraliseFormulas ? neutralise(cell) : cell);
        }
        out.write(CRLF);
    }

    private void writeField(String cell) throws IOException {
        if (!needsQuotes(cell)) {
            out.write(cell);
            return;
        }
        out.write('"');
        int start = 0;
        for (int q = cell.indexOf('"'); q >= 0; q = cell.indexOf('"', start)) {
            out.write(cell, start, q + 1 - start);
            out.write('"');
            start = q + 1;
        }
        out.write(cell, start, cell.length() - start);
        out.write('"');
    }

    static boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Whether a spreadsheet would treat the cell as a formula (OWASP's list of leading characters). */
    public static boolean looksLikeFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The cell as text a spreadsheet shows rather than runs: a leading {@code '} when it looks like a formula. */
    public static String neutralise(String cell) {
        return looksLikeFormula(cell) ? "'" + cell : cell;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

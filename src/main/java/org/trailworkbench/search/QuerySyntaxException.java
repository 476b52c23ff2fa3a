package org.trailworkbench.search;

/** A query the parser cannot read, with a message of one line that says where. */
public final class QuerySyntaxException extends Exception {
    private final int column;

    public QuerySyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }
}

package org.trailworkbench.integrity;

/** What a verification item stands for. */
public enum ItemKind {
    DIGEST("Digest file"),
    LOG("Log file"),
    INSIGHTS("Insights file"),
    OTHER("Other file"),
    /** A stretch of time with no digests because logging was off: the AWS CLI's gap notice. */
    GAP("Gap");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    /** The first column of a CLI line, as the AWS CLI writes it. */
    public String label() {
        return label;
    }
}

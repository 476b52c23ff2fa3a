package org.trailworkbench.insights;

/** Where an anomaly comes from; the UI and the CLI always show which. */
public enum Origin {
    /** CloudTrail Insights records in the case. */
    AWS_INSIGHTS("AWS Insights"),
    /** Found by {@link LocalDetector} from the case's own events. */
    DETECTED_LOCALLY("detected locally");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

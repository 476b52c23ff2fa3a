package org.trailworkbench.insights;

/** How much of an anomaly the case shows. */
public enum AnomalyState {
    /** Both its start and its end are known. */
    COMPLETE,
    /** An AWS Start record without its End: the unusual activity had not ended when the logs were copied. */
    ONGOING,
    /** An AWS End record without its Start: the start is estimated from the End's insightDuration. */
    INCOMPLETE
}

package org.trailworkbench.insights;

/** The two kinds of CloudTrail Insights, named as {@code insightDetails.insightType} spells them. */
public enum InsightType {
    /** Unusual numbers of write management calls per minute to one API. */
    CALL_RATE("ApiCallRateInsight"),
    /** Unusual numbers of failed calls (with an errorCode) per minute to one API. */
    ERROR_RATE("ApiErrorRateInsight");

    private final String awsName;

    InsightType(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    /** The type for an {@code insightType} value, or null when AWS has added one this version does not know. */
    public static InsightType fromAws(String name) {
        for (InsightType type : values()) {
            if (type.awsName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}

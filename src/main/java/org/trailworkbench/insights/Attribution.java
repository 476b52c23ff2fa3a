package org.trailworkbench.insights;

import java.util.List;

/**
 * The top contributors to an anomaly for one attribute, during the anomaly and in its baseline.
 *
 * @param attribute {@link #IDENTITY}, {@link #USER_AGENT} or {@link #ERROR_CODE} (AWS's names)
 * @param insight   top values during the anomaly, highest average first
 * @param baseline  top values during the baseline, highest average first
 */
public record Attribution(String attribute, List<Contributor> insight, List<Contributor> baseline) {

    public static final String IDENTITY = "userIdentityArn";
    public static final String USER_AGENT = "userAgent";
    public static final String ERROR_CODE = "errorCode";

    public Attribution {
        insight = List.copyOf(insight);
        baseline = List.copyOf(baseline);
    }
}

package org.trailworkbench.insights;

/**
 * One value of an attribution with its average events per minute, as Insights reports them.
 *
 * @param value   an identity ARN, a user agent or an error code; {@code "null"} when events had none (AWS's spelling)
 * @param average events per minute with this value, over the insight or the baseline period
 */
public record Contributor(String value, double average) {
}

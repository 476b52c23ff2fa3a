package org.trailworkbench.insights;

/**
 * The knobs of local detection; docs/INSIGHTS.md explains each and why it has its default.
 *
 * @param windowMinutes     rates are events per sliding window of this many minutes, which smooths the
 *                          minute-to-minute noise of a burst without hiding one that lasts a few minutes
 * @param minWindowEvents   a window is never unusual below this many events, however quiet the baseline:
 *                          a handful of calls to a rarely used API is not an anomaly
 * @param ratio             the window's events must be at least this multiple of the baseline's busy-hour rate
 * @param sigmas            and this many Poisson standard deviations above it
 * @param busyHourQuantile  the baseline's busy rate is at least this quantile of its hourly counts (and at
 *                          least its mean and its typical count at that hour of day; see {@link Baselines}),
 *                          so busy periods are normal while one past burst in the baseline moves it little
 * @param minDurationMinutes an anomaly's events must span at least this many minutes
 * @param baselineDays      days of history compared against (AWS uses 7)
 */
public record DetectionParameters(int windowMinutes, int minWindowEvents, double ratio, double sigmas,
                                  double busyHourQuantile, int minDurationMinutes, int baselineDays) {

    public static final DetectionParameters DEFAULTS = new DetectionParameters(5, 10, 3.0, 5.0, 0.95, 5, 7);

    public DetectionParameters {
        if (windowMinutes < 1 || windowMinutes > 60) {
            throw new IllegalArgumentException("windowMinutes must be 1..60: " + windowMinutes);
        }
        if (minWindowEvents < 1) {
            throw new IllegalArgumentException("minWindowEvents must be at least 1: " + minWindowEvents);
        }
        if (!(ratio >= 1) || !(sigmas >= 0)) {
            throw new IllegalArgumentException("ratio must be at least 1 and sigmas not negative");
        }
        if (!(busyHourQuantile >= 0.5 && busyHourQuantile <= 1)) {
            throw new IllegalArgumentException("busyHourQuantile must be in [0.5, 1]: " + busyHourQuantile);
        }
        if (minDurationMinutes < 1 || baselineDays < 1) {
            throw new IllegalArgumentException("minDurationMinutes and baselineDays must be at least 1");
        }
    }

    /** Events a window must hold to be unusual against a baseline of {@code perMinute} events per minute. */
    public int threshold(double perMinute) {
        double expected = windowMinutes * perMinute;
        double bound = Math.max(ratio * expected, expected + sigmas * Math.sqrt(expected));
        return (int) Math.max(minWindowEvents, Math.ceil(bound));
    }
}

package org.trailworkbench.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline of one series for each UTC day of the case: the up to {@code baselineDays} days before it,
 * as AWS does; where the case holds fewer days before it, the days after it fill in, so that the first
 * days of a short case are still compared with something (a one-day case is compared with itself, which
 * only makes detection more cautious). The day under test is never part of its own baseline otherwise.
 *
 * <p>A window is compared with the baseline's busy rate at that time of day: the largest of the baseline's
 * mean, its {@code busyHourQuantile} hour, and the median over the baseline days of the busiest of the same
 * hour of day and its two neighbours. Office hours and nightly jobs recur every day and so set their own
 * bar, and a single past burst is one day among several, which a median ignores.
 */
final class Baselines {

    private static final int MINUTES_PER_DAY = 1440;

    private final DetectionParameters parameters;
    private final long firstMinute;
    private final long lastMinute;
    private final long firstHour;
    private final long firstDay;
    private final long[] hourly;
    private final Day[] days;

    /**
     * One day's baseline: where it lies, its events, and the window threshold for each hour of the day.
     */
    record Day(List<long[]> ranges, long minutes, long events, int[] thresholds) {
        double average() {
            return minutes == 0 ? 0 : events / (double) minutes;
        }
    }

    /**
     * @param firstMinute first epoch minute the case covers
     * @param lastMinute  last epoch minute the case covers (included)
     */
    Baselines(DetectionParameters parameters, long firstMinute, long lastMinute, long[] minutes, int[] counts) {
        this.parameters = parameters;
        this.firstMinute = firstMinute;
        this.lastMinute = lastMinute;
        this.firstHour = Math.floorDiv(firstMinute, 60);
        this.firstDay = Math.floorDiv(firstMinute, MINUTES_PER_DAY);
        this.hourly = new long[(int) (Math.floorDiv(lastMinute, 60) - firstHour + 1)];
        for (int i = 0; i < minutes.length; i++) {
            hourly[(int) (Math.floorDiv(minutes[i], 60) - firstHour)] += counts[i];
        }
        this.days = new Day[(int) (Math.floorDiv(lastMinute, MINUTES_PER_DAY) - firstDay + 1)];
    }

    /** The baseline for the day holding {@code minute}. */
    Day forMinute(long minute) {
        int d = (int) (Math.floorDiv(minute, MINUTES_PER_DAY) - firstDay);
        if (days[d] == null) {
            days[d] = compute(d);
        }
        return days[d];
    }

    /** Events a window ending at {@code minute} must hold to be unusual. */
    int threshold(long minute) {
        return forMinute(minute).thresholds()[(int) (Math.floorMod(minute, MINUTES_PER_DAY) / 60)];
    }

    private Day compute(int day) {
        List<long[]> ranges = new ArrayList<>();
        long minutes = 0;
        long events = 0;
        long[] hours = new long[parameters.baselineDays() * 24 + 2];
        int h = 0;
        List<Integer> chosen = baselineDays(day);
        for (int d : chosen) {
            long from = Math.max(firstMinute, (firstDay + d) * MINUTES_PER_DAY);
            long to = Math.min(lastMinute + 1, (firstDay + d + 1) * MINUTES_PER_DAY);
            ranges.add(new long[] {from, to});
            minutes += to - from;
            for (long hour = Math.floorDiv(from, 60); hour <= Math.floorDiv(to - 1, 60); hour++) {
                long n = hourly[(int) (hour - firstHour)];
                events += n;
                if (h == hours.length) {
                    hours = Arrays.copyOf(hours, h * 2);
                }
                hours[h++] = n;
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] sorted = Arrays.copyOf(hours, h);
        Arrays.sort(sorted);
        int at = Math.max(0, (int) Math.ceil(parameters.busyHourQuantile() * h) - 1);
        double busy = h == 0 ? 0 : sorted[Math.min(at, h - 1)] / 60.0;
        double mean = minutes == 0 ? 0 : events / (double) minutes;
        int[] thresholds = new int[24];
        long[] sameHour = new long[chosen.size()];
        for (int hourOfDay = 0; hourOfDay < 24; hourOfDay++) {
            for (int i = 0; i < chosen.size(); i++) {
                long hour = (firstDay + chosen.get(i)) * 24 + hourOfDay;
                sameHour[i] = Math.max(count(hour - 1), Math.max(count(hour), count(hour + 1)));
            }
            Arrays.sort(sameHour);
            double typical = sameHour[sameHour.length / 2] / 60.0;
            thresholds[hourOfDay] = parameters.threshold(Math.max(mean, Math.max(busy, typical)));
        }
        return new Day(List.copyOf(ranges), minutes, events, thresholds);
    }

    private long count(long hour) {
        long i = hour - firstHour;
        return i < 0 || i >= hourly.length ? 0 : hourly[(int) i];
    }

    /** Indexes of the days compared with {@code day}: earlier ones first, later ones when those run out. */
    private List<Integer> baselineDays(int day) {
        List<Integer> chosen = new ArrayList<>();
        for (int d = day - 1; d >= 0 && chosen.size() < parameters.baselineDays(); d--) {
            chosen.add(d);
        }
        for (int d = day + 1; d < days.length && chosen.size() < parameters.baselineDays(); d++) {
            chosen.add(d);
        }
        if (chosen.isEmpty()) {
            chosen.add(day);
        }
        return chosen;
    }
}

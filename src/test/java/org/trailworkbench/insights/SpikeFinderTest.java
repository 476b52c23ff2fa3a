package org.trailworkbench.insights;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The detection rule on hand-made per-minute counts: what must be found, and what must not. */
class SpikeFinderTest {

    private static final long DAY = 1440;
    /** 2025-03-03T00:00Z in epoch minutes: the series below cover four days from there. */
    private static final long START = 1_740_960_000L / 60;
    private static final long END = START + 4 * DAY - 1;

    private final SpikeFinder finder = new SpikeFinder(DetectionParameters.DEFAULTS, START, END);

    /** Counts by epoch minute, turned into the finder's arrays. */
    private static final class Series {
        final TreeMap<Long, Integer> counts = new TreeMap<>();

        Series every(int minutes, int events) {
            for (long m = START; m <= END; m += minutes) {
                add(m, events);
            }
            return this;
        }

        Series add(long minute, int events) {
            counts.merge(minute, events, Integer::sum);
            return this;
        }

        Series burst(long from, int minutes, int perMinute) {
            for (long m = from; m < from + minutes; m++) {
                add(m, perMinute);
            }
            return this;
        }

        List<SpikeFinder.Spike> find(SpikeFinder finder) {
            long[] minutes = counts.keySet().stream().mapToLong(Long::longValue).toArray();
            int[] values = counts.values().stream().mapToInt(Integer::intValue).toArray();
            return finder.find(minutes, values);
        }
    }

    @Test
    void aSustainedBurstIsOneSpikeWithItsOwnExtent() {
        long noon = START + 2 * DAY + 12 * 60;
        List<SpikeFinder.Spike> spikes = new Series().every(10, 1).burst(noon + 3, 20, 3).find(finder);

        assertThat(spikes).hasSize(1);
        SpikeFinder.Spike spike = spikes.get(0);
        assertThat(spike.start()).isEqualTo(noon + 3);
        assertThat(spike.end()).isEqualTo(noon + 23);
        assertThat(spike.events()).isEqualTo(60 + 2); // the burst and two background events inside it
        assertThat(spike.baseline().average()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.001));
        // day 2 is compared with the two days before it and, as the case has no more, the one after
        assertThat(spike.baseline().minutes()).isEqualTo(3 * DAY);
        assertThat(spike.baseline().ranges()).extracting(r -> r[0])
                .containsExactly(START, START + DAY, START + 3 * DAY);
    }

    @Test
    void aBurstWhoseRateDipsForAMinuteStaysOneSpike() {
        long at = START + DAY + 600;
        Series series = new Series().every(30, 1).burst(at, 10, 3).burst(at + 11, 10, 3);

        assertThat(series.find(finder)).hasSize(1);
    }

    @Test
    void aBurstShorterThanTheMinimumDurationIsNotAnAnomaly() {
        long at = START + 3 * DAY + 100;
        assertThat(new Series().every(30, 1).add(at, 40).find(finder)).isEmpty();
        assertThat(new Series().every(30, 1).burst(at, 4, 10).find(finder)).isEmpty();
        assertThat(new Series().every(30, 1).burst(at, 5, 10).find(finder)).hasSize(1);
    }

    @Test
    void aBusyHourThatRecursEveryDayIsNormal() {
        Series series = new Series().every(20, 1);
        for (int d = 0; d < 4; d++) {
            series.burst(START + d * DAY + 9 * 60, 60, 4); // 09:00-10:00 every day: office hours, a daily job
        }
        assertThat(series.find(finder)).isEmpty();
    }

    @Test
    void theSameRateAtAnUnusualHourIsAnAnomaly() {
        Series series = new Series().every(20, 1);
        for (int d = 0; d < 4; d++) {
            series.burst(START + d * DAY + 9 * 60, 60, 4);
        }
        series.burst(START + 3 * DAY + 3 * 60, 30, 4); // 03:00 on the last day

        List<SpikeFinder.Spike> spikes = series.find(finder);
        assertThat(spikes).singleElement()
                .satisfies(s -> assertThat(s.start()).isEqualTo(START + 3 * DAY + 3 * 60));
    }

    @Test
    void theFirstDayIsComparedWithTheDaysAfterIt() {
        List<SpikeFinder.Spike> spikes = new Series().every(10, 1).burst(START + 300, 15, 5).find(finder);

        assertThat(spikes).singleElement().satisfies(s -> {
            assertThat(s.baseline().minutes()).isEqualTo(3 * DAY);
            assertThat(s.baseline().ranges().get(0)[0]).isEqualTo(START + DAY);
        });
    }

    @Test
    void aRateThatIsHighAllTheTimeIsNormalAndAQuietSeriesIsSkipped() {
        assertThat(new Series().every(1, 6).find(finder)).isEmpty();
        assertThat(new Series().add(START + 5, 3).add(START + 6, 3).find(finder)).isEmpty();
    }

    @Test
    void aStepAboveABusyBaselineMustBeSeveralTimesItsRate() {
        long at = START + 2 * DAY + 600;
        // 2 per minute normally: twice that is within the threshold, eight times is not
        assertThat(new Series().every(1, 2).burst(at, 30, 2).find(finder)).isEmpty();
        assertThat(new Series().every(1, 2).burst(at, 30, 14).find(finder)).hasSize(1);
    }

    @Test
    void thresholdsFollowTheDocumentedFormula() {
        DetectionParameters p = DetectionParameters.DEFAULTS;
        assertThat(p.threshold(0)).isEqualTo(10);            // the floor
        assertThat(p.threshold(2)).isEqualTo(30);            // 3 x 10 expected in 5 minutes
        assertThat(p.threshold(0.5)).isEqualTo(11);          // 2.5 + 5 x sqrt(2.5) = 10.4, rounded up
    }
}

package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;

/**
 * Writes the log files of one account, one region and one day: the unit of parallel work. Events are
 * planned and written one 5-minute delivery window at a time, so memory holds a window, never a day.
 * Everything random comes from this unit's own seed, so the thread that runs it does not matter.
 */
final class RegionDayWriter implements Callable<RegionDayWriter.Result> {
    static final int WINDOW_SECONDS = 300;
    private static final int WINDOWS = 86_400 / WINDOW_SECONDS;
    /** CloudTrail splits a busy delivery into several files; beyond this many records, so do we. */
    private static final int MAX_RECORDS_PER_FILE = 2_000;

    private final TrailLayout layout;
    private final Path root;
    private final JsonFactory json;
    private final AccountModel account;
    private final String region;
    private final int day;
    private final long dayStart;
    private final double expectedEvents;
    private final double duplicateRate;
    private final List<SpikePlan> spikes;
    private final EventWriter writer;
    private final Rng r;
    /** One per unit: creating a deflater costs as much as compressing a small file. */
    private Deflater deflater;

    /** What the unit wrote. */
    record Result(List<LogFile> files, long events, long redelivered) {
    }

    RegionDayWriter(TrailSpec spec, TrailLayout layout, Path root, JsonFactory json, AccountModel account,
                    String region, int day, Volume volume, ApiTable table, List<SpikePlan> spikes) {
        this.layout = layout;
        this.root = root;
        this.json = json;
        this.account = account;
        this.region = region;
        this.day = day;
        this.dayStart = volume.dayStart(day);
        this.expectedEvents = volume.events(region, day);
        this.duplicateRate = spec.duplicateRate();
        this.spikes = spikes;
        this.writer = new EventWriter(account, region, table, spikes);
        this.r = new Rng(Rng.mix(spec.seed(), "unit " + account.id + " " + region + " " + day));
    }

    @Override
    public Result call() throws IOException {
        deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            return writeDay();
        } finally {
            deflater.end();
        }
    }

    private Result writeDay() throws IOException {
        double[] people = new double[WINDOWS];
        double[] automation = new double[WINDOWS];
        double peopleSum = 0;
        double automationSum = 0;
        for (int w = 0; w < WINDOWS; w++) {
            long middle = dayStart + w * (long) WINDOW_SECONDS + WINDOW_SECONDS / 2;
            people[w] = Rhythm.human(region, middle);
            automation[w] = Rhythm.automation(region, middle);
            peopleSum += people[w];
            automationSum += automation[w];
        }
        // People's share of the day shrinks at weekends; Volume already shrank the day's total to match.
        double workday = Rhythm.humanDay(region, Rhythm.mondayOf(dayStart));
        double peopleEvents = expectedEvents * Rhythm.HUMAN_SHARE * (peopleSum / workday)
                / ((1 - Rhythm.HUMAN_SHARE) + Rhythm.HUMAN_SHARE * (peopleSum / workday));
        double automationEvents = expectedEvents - peopleEvents;

        List<List<Planned>> redeliveries = new ArrayList<>(Collections.nCopies(WINDOWS, null));
        List<Planned> spikeEvents = spikeEvents();
        int nextSpike = 0;
        List<LogFile> files = new ArrayList<>();
        long events = 0;
        long redelivered = 0;
        for (int w = 0; w < WINDOWS; w++) {
            long windowStart = dayStart + w * (long) WINDOW_SECONDS;
            int personCount = poisson(peopleEvents * people[w] / peopleSum);
            int automationCount = poisson(automationEvents * automation[w] / automationSum);
            List<Planned> window = new ArrayList<>(personCount + automationCount + 8);
            for (int i = 0; i < personCount + automationCount; i++) {
                window.add(new Planned(windowStart + r.nextInt(WINDOW_SECONDS), r.nextLong(),
                        i < personCount ? Planned.PERSON : Planned.AUTOMATION));
            }
            while (nextSpike < spikeEvents.size() && spikeEvents.get(nextSpike).time() < windowStart + WINDOW_SECONDS) {
                window.add(spikeEvents.get(nextSpike++));
            }
            Collections.sort(window);
            events += window.size();
            for (Planned event : window) {
                if (duplicateRate > 0 && r.chance(duplicateRate)) {
                    int later = w + r.between(1, 3);
                    if (later < WINDOWS) {
                        if (redeliveries.get(later) == null) {
                            redeliveries.set(later, new ArrayList<>());
                        }
                        redeliveries.get(later).add(event);
                    }
                }
            }
            List<Planned> again = redeliveries.get(w);
            redeliveries.set(w, null);
            if (again != null) {
                window.addAll(again); // late, so out of order, as CloudTrail's re-deliveries are
                redelivered += again.size();
            }
            if (!window.isEmpty()) {
                // On a whole minute, so the minute in the file name is the delivery time a digest goes by.
                long delivered = windowStart + WINDOW_SECONDS + r.between(1, 5) * 60L;
                writeFiles(window, delivered, files);
            }
        }
        return new Result(files, events, redelivered);
    }

    private void writeFiles(List<Planned> window, long delivered, List<LogFile> files) throws IOException {
        int parts = (window.size() + MAX_RECORDS_PER_FILE - 1) / MAX_RECORDS_PER_FILE;
        for (int part = 0; part < parts; part++) {
            List<Planned> records = window.subList(part * window.size() / parts, (part + 1) * window.size() / parts);
            String key = layout.logKey(account.id, region, delivered, Ids.alnum(r, 16));
            long oldest = Long.MAX_VALUE;
            long newest = Long.MIN_VALUE;
            GzipJsonFile file = new GzipJsonFile(TrailLayout.file(root, key), deflater);
            try (file; JsonGenerator g = json.createGenerator(file.json())) {
                g.writeStartObject();
                g.writeArrayFieldStart("Records");
                for (Planned event : records) {
                    writer.write(g, event);
                    oldest = Math.min(oldest, event.time());
                    newest = Math.max(newest, event.time());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            files.add(new LogFile(key, file.sha256Hex(), oldest, newest, delivered, records.size(), file.jsonBytes(),
                    file.gzipBytes()));
        }
    }

    /** This unit's share of the spikes: extra events spread evenly at random over each spike's minutes. */
    private List<Planned> spikeEvents() {
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < spikes.size(); i++) {
            SpikePlan spike = spikes.get(i);
            if (!spike.covers(account.id, region, day)) {
                continue;
            }
            long start = spike.spike().start().getEpochSecond();
            int seconds = (int) (spike.spike().end().getEpochSecond() - start);
            for (int n = 0; n < spike.spike().eventCount(); n++) {
                planned.add(new Planned(start + r.nextInt(seconds), r.nextLong(), i));
            }
        }
        Collections.sort(planned);
        return planned;
    }

    /**
     * Knuth's method for small means, a rounded normal for large ones: counts vary like real traffic.
     * StrictMath, here and in Rhythm, because Math may differ in the last bit between CPUs and JDKs.
     */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            double u1 = Math.max(r.nextDouble(), 1e-12);
            double gauss = StrictMath.sqrt(-2 * StrictMath.log(u1))
                    * StrictMath.cos(2 * StrictMath.PI * r.nextDouble());
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gauss));
        }
        double limit = StrictMath.exp(-mean);
        double product = r.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= r.nextDouble();
            count++;
        }
        return count;
    }
}

package org.trailworkbench.bench;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.InjectedSpike;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.InsightsRequest;
import org.trailworkbench.insights.InsightsResult;
import org.trailworkbench.insights.InsightsService;
import org.trailworkbench.insights.LocalDetector;
import org.trailworkbench.insights.SpikeCheck;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Insights benchmark: local detection over a generated corpus of {@code --events} events (the
 * benchmark trail: three accounts, four regions, seven days, with injected spikes and their AWS Insights
 * records). The corpus and its case live under {@code --work} and are reused between runs, because making
 * them takes minutes while detection takes seconds:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.class=org.trailworkbench.bench.InsightsBenchmark \
 *     -Dbench.events=1000000 -Dbench.heap=2g -Dbench.work=target/bench-insights</pre>
 * Modes: {@code prepare} (generate and import only), anything else also detects and validates.
 */
public final class InsightsBenchmark {

    private final long events;
    private final Path work;
    private final StringBuilder report = new StringBuilder();

    private InsightsBenchmark(long events, Path work) {
        this.events = events;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(arg(args, "--events", "1000000"));
        String mode = arg(args, "--mode", "all");
        Path work = Path.of(arg(args, "--work", "target/bench-insights"));
        if (work.getFileName().toString().equals("bench")) {
            work = work.resolveSibling("bench-insights"); // the profile's default folder belongs to Benchmarks
        }
        InsightsBenchmark bench = new InsightsBenchmark(events, work);
        bench.line("## Insights run of " + Instant.now() + ": " + events + " events, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));
        List<InjectedSpike> spikes = bench.corpus();
        Path caseDir = bench.importedCase();
        if (!mode.equals("prepare")) {
            bench.measure(caseDir, spikes);
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve("results.md"), bench.report + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private Path corpusDir() {
        return work.resolve("corpus-" + events);
    }

    /** Generates the corpus once; its injected spikes are kept beside it so later runs can validate. */
    private List<InjectedSpike> corpus() throws IOException {
        Path dir = corpusDir();
        Path spikes = work.resolve("spikes-" + events + ".tsv");
        if (!Files.exists(spikes)) {
            long t0 = System.nanoTime();
            deleteTree(dir);
            GeneratedTrail trail = new TrailGenerator(TrailSpec.benchmark(events)).generate(dir);
            List<String> lines = new ArrayList<>();
            for (InjectedSpike s : trail.spikes()) {
                lines.add(String.join("\t", s.account(), s.region(), s.eventSource(), s.eventName(), s.kind().name(),
                        s.start().toString(), s.end().toString(), Integer.toString(s.eventCount()),
                        Double.toString(s.baselinePerMinute()), s.principalArn(), String.valueOf(s.errorCode())));
            }
            Files.createDirectories(work);
            Files.write(spikes, lines);
            line(String.format("- corpus generated in %.1f s: %s", (System.nanoTime() - t0) / 1e9, trail.counts()));
        }
        List<InjectedSpike> result = new ArrayList<>();
        for (String l : Files.readAllLines(spikes)) {
            String[] f = l.split("\t", -1);
            result.add(new InjectedSpike(f[0], f[1], f[2], f[3], InjectedSpike.Kind.valueOf(f[4]), Instant.parse(f[5]),
                    Instant.parse(f[6]), Integer.parseInt(f[7]), Double.parseDouble(f[8]), f[9],
                    f[10].equals("null") ? null : f[10]));
        }
        return result;
    }

    /** Imports the corpus once; a marker file says the import finished. */
    private Path importedCase() throws IOException {
        Path caseDir = work.resolve("case-" + events);
        Path done = work.resolve("case-" + events + ".complete");
        if (!Files.exists(done)) {
            deleteTree(caseDir);
            long t0 = System.nanoTime();
            ImportReport imported;
            try (Case c = Case.open(caseDir)) {
                imported = c.importPath(corpusDir(), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            }
            Files.writeString(done, imported.eventsAfter() + " events\n");
            line(String.format("- imported in %.1f s: %,d events in the case", (System.nanoTime() - t0) / 1e9,
                    imported.eventsAfter()));
        }
        return caseDir;
    }

    /** Detection twice (the first run pays for loading the index and warming the JIT), then validation. */
    private void measure(Path caseDir, List<InjectedSpike> spikes) throws IOException {
        try (Case c = Case.open(caseDir)) {
            InsightsService service = new InsightsService(c.index());
            InsightsResult result = null;
            for (String run : List.of("first run", "second run", "third run")) {
                long cpu0 = cpuNanos();
                long t0 = System.nanoTime();
                result = service.list(InsightsRequest.all(), Cancellation.none());
                double wall = (System.nanoTime() - t0) / 1e9;
                LocalDetector.Result local = result.local();
                line(String.format("- %s: %.2f s wall, %.2f s CPU (AWS Insights records: %d, paired into %d anomalies; "
                                + "local: %,d events scanned, %,d write or failed calls counted in %,d series, "
                                + "%d anomalies); heap used after: %,d MB", run, wall, (cpuNanos() - cpu0) / 1e9,
                        result.aws().records(), result.aws().anomalies().size(), local.eventsScanned(),
                        local.eventsCounted(), local.series(), local.anomalies().size(), usedHeapMb()));
            }
            LocalDetector.Result local = result.local();
            SpikeCheck check = SpikeCheck.of(spikes, result.aws().anomalies(), local.anomalies());
            line(String.format("- validation over %.2f days of history: %d injected spikes, %d found, missed: %s; "
                            + "%d AWS Insights anomalies, %d overlap a local one, unmatched: %s",
                    local.historyDays(), spikes.size(), spikes.size() - check.missed().size(), check.missed(),
                    result.aws().anomalies().size(), result.aws().anomalies().size() - check.awsUnmatched().size(),
                    check.awsUnmatched()));
            line(String.format("- false positives (local anomalies overlapping no injected spike): %d, "
                            + "%.2f per day of data", check.falsePositives().size(),
                    check.falsePositives().size() / local.historyDays()));
            for (Anomaly a : check.falsePositives()) {
                line(String.format("  - %s %s %s %s %s %s..%s: %.2f/min against %.4f/min", a.type().awsName(),
                        a.account(), a.region(), a.eventSource(), a.eventName(), a.start(), a.end(),
                        a.insightAverage(), a.baselineAverage()));
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

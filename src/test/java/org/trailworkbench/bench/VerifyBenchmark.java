package org.trailworkbench.bench;

import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.integrity.FolderSource;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.Verification;
import org.trailworkbench.integrity.VerificationListener;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.integrity.VerificationScope;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Offline verification against the floor the issue sets: {@code zcat <all log files> | sha256sum} on the
 * same files. Runs both in turns (the page cache is warm for both after the first round) and reports each
 * run, so noise from other work on the machine shows.
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.class=org.trailworkbench.bench.VerifyBenchmark -Dbench.heap=256m</pre>
 * {@code --mode N} is the number of rounds (default 3). Figures go to stdout and {@code <work>/verify-results.md}.
 */
public final class VerifyBenchmark {

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(arg(args, "--events", "500000"));
        String mode = arg(args, "--mode", "3");
        int rounds = mode.matches("\\d+") ? Integer.parseInt(mode) : 3;
        Path work = Path.of(arg(args, "--work", "target/bench"));
        StringBuilder report = new StringBuilder();
        line(report, String.format(Locale.ROOT, "## Verify run of %s: %,d events, max heap %d MB, %d cores, Java %s",
                java.time.Instant.now(), events, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        Path corpus = corpus(work, events, report);
        List<Double> zcat = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        List<Double> zcatCpu = new ArrayList<>();
        List<Double> verifyCpu = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            double[] floor = zcat(corpus);
            zcat.add(floor[0]);
            zcatCpu.add(floor[1]);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            VerificationReport r = new Verification(new FolderSource(corpus, null), VerificationScope.ALL)
                    .run(VerificationListener.SILENT, Cancellation.none());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            verify.add(seconds);
            verifyCpu.add(cpu);
            line(report, String.format(Locale.ROOT, "- round %d: zcat | sha256sum %.2f s (%.2f s CPU); verify %.2f s (%.2f s CPU);"
                            + " %,d digests and %,d log files valid, %,d failures", round, floor[0], floor[1], seconds, cpu,
                    r.count(Verdict.DIGEST_VALID), r.count(Verdict.LOG_VALID), r.failures().size()));
        }
        line(report, String.format(Locale.ROOT, "- wall clock, best: zcat | sha256sum %.2f s, verify %.2f s; median: %.2f s vs %.2f s",
                min(zcat), min(verify), median(zcat), median(verify)));
        line(report, String.format(Locale.ROOT, "- CPU time (user + system, all processes or threads), median: zcat | sha256sum"
                + " %.2f s, verify %.2f s", median(zcatCpu), median(verifyCpu)));
        line(report, String.format(Locale.ROOT, "- all rounds ran in a %d MB heap; old generation peak %d MB",
                Runtime.getRuntime().maxMemory() >> 20, oldGenPeak() >> 20));
        Files.createDirectories(work);
        Files.writeString(work.resolve("verify-results.md"), report + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** The same corpus folder the other benchmarks use, generated once. */
    private static Path corpus(Path work, long events, StringBuilder report) throws IOException {
        Path dir = work.resolve("corpus-" + events);
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            long t0 = System.nanoTime();
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            GeneratedTrail trail = new TrailGenerator(TrailSpec.benchmark(events)).generate(dir);
            Files.writeString(done, trail.counts().toString());
            line(report, String.format(Locale.ROOT, "- corpus generated in %.1f s: %s", (System.nanoTime() - t0) / 1e9,
                    trail.counts()));
        }
        return dir;
    }

    /**
     * Every log file (not digests, not Insights), in name order, decompressed by zcat and hashed: wall
     * seconds and the CPU seconds of the whole pipeline (bash's {@code times} for its children).
     */
    private static double[] zcat(Path corpus) throws IOException, InterruptedException {
        String files = "find '" + corpus + "' -path '*/CloudTrail/*' -name '*.json.gz' -print0 | sort -z";
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + files + " | xargs -0 zcat | sha256sum"
                + " > /dev/null && times").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (p.waitFor() != 0) {
            throw new IOException("zcat | sha256sum failed: " + out);
        }
        // "times" prints the shell's user and system time, then its children's: "0m1.234s 0m0.567s"
        String[] children = out.lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
        return new double[]{wall, seconds(children[0]) + seconds(children[1])};
    }

    private static double seconds(String bashTime) {
        int m = bashTime.indexOf('m');
        return Integer.parseInt(bashTime.substring(0, m)) * 60 + Double.parseDouble(bashTime.substring(m + 1,
                bashTime.length() - 1));
    }

    /** What survived collections: the memory the verification really holds (young garbage is not). */
    private static long oldGenPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak;
    }

    private static double min(List<Double> values) {
        return values.stream().min(Double::compare).orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void line(StringBuilder report, String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}

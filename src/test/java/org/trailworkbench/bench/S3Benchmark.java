package org.trailworkbench.bench;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.s3.S3Import;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Selection;
import org.trailworkbench.s3.S3TestServer;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Import from S3 against import from disk, same trail: a generated organization trail of about 10,000
 * small objects, served by s3proxy on loopback in this JVM, and read from the folder it was generated in.
 * The target (issue 5): S3 events/s at least 70 % of disk events/s. Runs disk and S3 alternately so that
 * a machine busy with something else penalises both alike.
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.class=org.trailworkbench.bench.S3Benchmark -Dbench.events=40000 -Dbench.heap=2g</pre>
 * {@code --mode} is the list of concurrency settings to try, comma-separated ({@code all}: 4,16,32).
 */
public final class S3Benchmark {

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(arg(args, "--events", "40000"));
        String mode = arg(args, "--mode", "all");
        Path work = Path.of(arg(args, "--work", "target/bench")).resolve("s3");
        int[] concurrencies = mode.equals("all") ? new int[] {4, 16, 32}
                : Stream.of(mode.split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(arg(args, "--rounds", "2"));

        Path corpus = work.resolve("corpus-" + events);
        if (!Files.exists(corpus.resolve(".complete"))) {
            delete(corpus);
            GeneratedTrail trail = new TrailGenerator(TrailSpec.benchmark(events)).generate(corpus);
            Files.writeString(corpus.resolve(".complete"), trail.counts().toString());
        }
        System.out.printf("## S3 import vs disk import: %s, %d cores, Java %s, max heap %d MB, load average %.1f%n",
                java.time.Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (S3TestServer server = S3TestServer.start()) {
            long t0 = System.nanoTime();
            int objects = server.uploadTrail(corpus, "bench-trail", "");
            System.out.printf("- corpus: %s; %,d objects loaded into s3proxy in %.1f s%n",
                    Files.readString(corpus.resolve(".complete")), objects, (System.nanoTime() - t0) / 1e9);
            for (int round = 1; round <= rounds; round++) {
                double disk = run("disk", work, round, c -> c.importPath(corpus, SourceFilter.ALL, ImportListener.SILENT,
                        Cancellation.none()));
                for (int concurrency : concurrencies) {
                    double s3 = run("s3, concurrency " + concurrency, work, round, c -> new S3Import(
                            server.settings().withConcurrency(concurrency)).run(c, S3Location.parse("s3://bench-trail"),
                            S3Selection.ALL, ImportListener.SILENT, n -> { }, Cancellation.none()));
                    System.out.printf("  - round %d: S3 at concurrency %d reaches **%.0f %%** of disk%n", round, concurrency,
                            100 * s3 / disk);
                }
            }
        }
    }

    interface Importing {
        ImportReport into(Case c) throws IOException;
    }

    private static double run(String label, Path work, int round, Importing importing) throws IOException {
        Path caseDir = work.resolve("case");
        delete(caseDir);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long server0 = serverCpuNanos();
        long t0 = System.nanoTime();
        ImportReport report;
        try (Case c = Case.open(caseDir)) {
            report = importing.into(c);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double rate = report.eventsRead() / wall;
        System.out.printf("- round %d, %s: %,d files (%,d problems), %,d records read, %,d events in the case, %.1f MB; "
                        + "%.2f s wall, %.1f s CPU in this JVM of which %.1f s in s3proxy's threads; **%,.0f events/s**, %,.0f files/s%n",
                round, label, report.files().size(), report.problems().size(), report.eventsRead(), report.eventsAfter(),
                report.bytesRead() / 1e6, wall, (os.getProcessCpuTime() - cpu0) / 1e9, (serverCpuNanos() - server0) / 1e9,
                rate, report.files().size() / wall);
        return rate;
    }

    /** CPU spent by s3proxy's Jetty threads: the server's share, which a real S3 spends elsewhere. */
    private static long serverCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("S3Proxy")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

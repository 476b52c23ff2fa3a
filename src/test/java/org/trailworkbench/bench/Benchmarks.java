package org.trailworkbench.bench;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foundation's benchmark: generate a corpus, time zcat on it, import it, time searches.
 * Run it through the {@code bench} Maven profile (see docs/BENCHMARKS.md), which starts a JVM with the
 * heap under test:
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.events=500000 -Dbench.heap=1g -Dbench.mode=all</pre>
 * Modes: {@code import} (generate if needed, zcat, import), {@code search} (import if needed, then
 * queries), {@code all}, and {@code warm} (the import repeated in this JVM, to tell warm-up from steady
 * state). Figures go to stdout as Markdown and to {@code <work>/results.md}.
 */
public final class Benchmarks {

    private final long events;
    private final Path work;
    private final StringBuilder report = new StringBuilder();

    Benchmarks(long events, Path work) {
        this.events = events;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(arg(args, "--events", "500000"));
        String mode = arg(args, "--mode", "all");
        Path work = Path.of(arg(args, "--work", "target/bench"));
        var bench = new Benchmarks(events, work);
        bench.line("## Run of " + java.time.Instant.now() + ": " + events + " events, mode " + mode + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", commit " + commit() + ", load average "
                + loadAverage());
        Path corpus = bench.corpus();
        if (mode.equals("import") || mode.equals("all")) {
            for (int run = 1; run <= Integer.getInteger("bench.runs", 2); run++) {
                double zcat = bench.zcat(corpus);
                bench.importProcess(corpus, zcat);
                bench.duckDb(corpus, zcat, "json");
                bench.duckDb(corpus, zcat, "typed");
            }
        }
        if (mode.equals("warm")) {
            bench.warmImports(corpus, Integer.getInteger("bench.runs", 2) + 1);
        }
        if (mode.equals("search") || mode.equals("all")) {
            bench.search(corpus);
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve("results.md"), bench.report + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The six queries of issue 11, by label, in a map that callers may add to. */
    static Map<String, SearchRequest> sixQueries() {
        Map<String, SearchRequest> queries = new LinkedHashMap<>();
        queries.put("everything", SearchRequest.of(""));
        queries.put("eventName:AssumeRole", SearchRequest.of("eventName:AssumeRole"));
        queries.put("errors (_exists_:errorCode)", SearchRequest.of("_exists_:errorCode"));
        queries.put("bare word: accessdenied", SearchRequest.of("accessdenied"));
        queries.put("wildcard eventName:Describe*", SearchRequest.of("eventName:Describe*"));
        queries.put("writes by roles", SearchRequest.of("userIdentity.type:AssumedRole AND readOnly:false"));
        return queries;
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

    /** The generated corpus for this size, made once and reused. */
    private Path corpus() throws IOException {
        Path dir = work.resolve("corpus-" + events);
        Path done = dir.resolve(".complete");
        if (!Files.exists(done)) {
            long t0 = System.nanoTime();
            deleteTree(dir);
            GeneratedTrail trail = new TrailGenerator(TrailSpec.benchmark(events)).generate(dir);
            Files.writeString(done, trail.counts().toString());
            line(String.format("- corpus generated in %.1f s: %s", seconds(t0), trail.counts()));
        }
        return dir;
    }

    /** The floor: decompressing every log file on one core, as {@code zcat} does. Returns its seconds. */
    private double zcat(Path corpus) throws IOException, InterruptedException {
        String files = "find '" + corpus + "' -path '*/CloudTrail/*' -name '*.json.gz' -print0 | sort -z";
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", files + " | xargs -0 cat | zcat | wc -c").start();
        String bytes = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        double zcatSeconds = seconds(t0);
        long gz = 0;
        int count = 0;
        try (var walk = Files.walk(corpus)) {
            for (Path f : walk.filter(f -> f.toString().endsWith(".json.gz") && f.toString().contains("/CloudTrail/")).toList()) {
                gz += Files.size(f);
                count++;
            }
        }
        line(String.format("- log files: %,d; %,.1f MB gzip; %,.1f MB of JSON", count, gz / 1e6, Long.parseLong(bytes) / 1e6));
        line(String.format("- `zcat` of all log files (one core, piped to wc): %.2f s", zcatSeconds));
        return zcatSeconds;
    }

    /**
     * The import as a user runs it: the command line in a JVM of its own, start-up included, with this
     * JVM's heap limit and a GC log that gives the peak heap. Prints events/s and the ratio to zcat.
     */
    private void importProcess(Path corpus, double zcatSeconds) throws IOException, InterruptedException {
        Path caseDir = work.resolve("case-" + events);
        deleteTree(caseDir);
        Path gcLog = work.resolve("import-gc.log");
        Files.deleteIfExists(gcLog);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long heap = Runtime.getRuntime().maxMemory();
        Path cpuTimes = work.resolve("import-cpu.txt");
        Timed run = timed("import", cpuTimes, java, "-Xmx" + (heap >> 20) + "m", "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"), "org.trailworkbench.Main",
                "import", "--case", caseDir.toString(), corpus.toString(), "--json");
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        long read = report.get("eventsRead").asLong();
        line(String.format("- import (`trail-workbench import`, whole process): %,d records read, %,d events in the case; "
                        + "%.2f s wall, %s; **%,.0f events/s**; **%.1f x zcat**; peak heap %,d MB; index %,.0f MB",
                read, report.get("eventsInCase").asLong(), run.wall(), cpu(cpuTimes), read / run.wall(),
                run.wall() / zcatSeconds, peakHeapMb(gcLog), size(caseDir.resolve("index")) / 1e6));
    }

    /** What a timed process printed, and its wall-clock seconds. */
    private record Timed(String out, double wall) {
    }

    /**
     * Runs {@code command} under bash's {@code time}, which counts the CPU of the whole process (JIT and GC
     * threads too): steadier than wall time on a shared machine. The process's own stderr goes through fd 3;
     * only time's line lands in {@code cpuTimes} (read by {@link #cpu}). Fails unless it exits with 0.
     */
    private static Timed timed(String what, Path cpuTimes, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash", "-c",
                "TIMEFORMAT='%3U %3S'; { time \"$@\" 2>&3; } 3>&2 2>\"$CPU_TIMES\"", "bash"));
        line.addAll(List.of(command));
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CPU_TIMES", cpuTimes.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        double wall = seconds(t0);
        if (exit != 0) {
            throw new IOException(what + " exited with " + exit + ": " + out);
        }
        return new Timed(out, wall);
    }

    /**
     * The reference of the import issue: DuckDB loading the same log files into a table ({@link DuckDbLoad}),
     * in a process of its own and timed the same way. Skipped when the driver is not on the class path.
     */
    private void duckDb(Path corpus, double zcatSeconds, String load) throws IOException, InterruptedException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            line("- DuckDB: not run, its JDBC driver is not on the class path (the `bench` profile adds it)");
            return;
        }
        Path db = work.resolve("duckdb-" + events + ".db");
        Files.deleteIfExists(db);
        Files.deleteIfExists(work.resolve(db.getFileName() + ".wal"));
        Path cpuTimes = work.resolve("duckdb-cpu.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // one ** only (DuckDB refuses two): the same files as zcat's, log files under a CloudTrail folder
        String glob = corpus + "/**/CloudTrail/*/*/*/*/*.json.gz";
        Timed run = timed("DuckDB load", cpuTimes, java, "-cp", System.getProperty("java.class.path"),
                DuckDbLoad.class.getName(), glob, db.toString(), load);
        long records = Long.parseLong(run.out().trim());
        line(String.format("- DuckDB reference (`read_json` + `unnest(Records)` into a table, %s), whole process: "
                        + "%,d rows; %.2f s wall, %s; **%,.0f events/s**; **%.1f x zcat**; database %,.0f MB",
                load.equals("json") ? "each record kept as JSON" : "types inferred for every field", records,
                run.wall(), cpu(cpuTimes), records / run.wall(), run.wall() / zcatSeconds, Files.size(db) / 1e6));
        Files.deleteIfExists(db);
    }

    /** "user + sys s CPU" from the line bash's time wrote, or what is missing. */
    private static String cpu(Path cpuTimes) throws IOException {
        String[] parts = Files.exists(cpuTimes) ? Files.readString(cpuTimes).trim().split("\\s+") : new String[0];
        if (parts.length != 2) {
            return "CPU time not measured";
        }
        double user = Double.parseDouble(parts[0]);
        double sys = Double.parseDouble(parts[1]);
        return String.format("%.1f s CPU (%.1f user + %.1f sys)", user + sys, user, sys);
    }

    /** The largest heap occupancy a GC log shows (before any collection). */
    private static long peakHeapMb(Path gcLog) throws IOException {
        var used = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\(");
        long peak = 0;
        for (String l : Files.readAllLines(gcLog)) {
            var m = used.matcher(l);
            if (m.find()) {
                peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        return peak;
    }

    private Path importCorpus(Path corpus, boolean fresh) throws IOException {
        Path caseDir = work.resolve("case-" + events);
        if (!fresh && Case.isCase(caseDir)) {
            return caseDir;
        }
        deleteTree(caseDir);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ImportReport report;
        try (Case c = Case.open(caseDir)) {
            report = c.importPath(corpus, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        }
        double wall = seconds(t0);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        line(String.format("- import: %,d records read, %,d events in the case, %d files with problems; %.2f s wall, "
                        + "%.1f s CPU; **%,.0f events/s**; peak heap %,d MB; index %,.0f MB",
                report.eventsRead(), report.eventsAfter(), report.problems().size(), wall, cpu,
                report.eventsRead() / wall, peakHeapMb(), size(caseDir) / 1e6));
        return caseDir;
    }

    /**
     * The CLI import run {@code runs} times in this JVM, each into a new case. The first run pays for the
     * JIT's warm-up as every import process does; the later ones show the steady state, which is what a
     * change to the indexing path moves, without the compiler's share, which varies from run to run.
     */
    private void warmImports(Path corpus, int runs) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
        for (int run = 1; run <= runs; run++) {
            var json = new java.io.StringWriter();
            Path caseDir = work.resolve("case-warm-" + events);
            deleteTree(caseDir);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int exit = org.trailworkbench.cli.TrailCli.run(new java.io.PrintWriter(json), quiet,
                    "import", "--case", caseDir.toString(), corpus.toString(), "--json");
            double wall = seconds(t0);
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            if (exit != 0) {
                throw new IOException("import run " + run + " exited with " + exit);
            }
            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString());
            long read = report.get("eventsRead").asLong();
            line(String.format("- import in this JVM, run %d%s: %.2f s wall, %.1f s CPU, %,.0f events/s", run,
                    run == 1 ? " (with the warm-up)" : "", wall, cpu, read / wall));
            deleteTree(caseDir);
        }
    }

    private void search(Path corpus) throws Exception {
        Path caseDir = importCorpus(corpus, false);
        try (Case c = Case.open(caseDir)) {
            var stats = c.search().stats();
            long day = 86_400_000L;
            Map<String, SearchRequest> queries = sixQueries();
            queries.put("facet selection: 2 regions", SearchRequest.of("").withFilter("awsRegion",
                    new FacetFilter(Set.of("us-east-1", "eu-west-1"), Set.of())));
            queries.put("last day, split by errorCode", SearchRequest.of("")
                    .withRange(new TimeRange(stats.newest() - day, stats.newest() + 1)).withTimeline(true, "errorCode"));
            queries.put("NOT _exists_:requestParameters", SearchRequest.of("NOT _exists_:requestParameters"));
            line(String.format("- search on %,d events (facets for %d dimensions + histogram + first 100 rows), "
                    + "5 warm-up runs then 21 timed runs each:", stats.events(), org.trailworkbench.index.Fields.FACETS.size()));
            line("");
            line("| query | hits | median ms | p90 ms | max ms |");
            line("|---|---:|---:|---:|---:|");
            List<Double> medians = new ArrayList<>();
            for (var q : queries.entrySet()) {
                double[] ms = new double[21];
                SearchResponse last = null;
                for (int i = 0; i < 5; i++) {
                    last = c.search().search(q.getValue());
                }
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    last = c.search().search(q.getValue());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                medians.add(ms[10]);
                line(String.format("| `%s` | %,d | %.1f | %.1f | %.1f |", q.getKey(), last.total(), ms[10], ms[18], ms[20]));
            }
            medians.sort(Comparator.naturalOrder());
            line("");
            line(String.format("- median of the query medians: %.1f ms", medians.get(medians.size() / 2)));
        }
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1 << 20);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

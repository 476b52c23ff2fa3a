package org.trailworkbench.bench;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.remote.RemoteImport;
import org.trailworkbench.remote.RemoteTarget;
import org.trailworkbench.remote.TestNode;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.task.Cancellation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The same trail imported into a local case and into a one-node OpenSearch cluster on this machine (the test
 * node, in this JVM), then the six benchmark queries on both: events/s of each import and query medians side
 * by side, for docs/REMOTE.md. Run: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.class=org.trailworkbench.bench.RemoteBenchmark -Dbench.events=100000 -Dbench.heap=2g}.
 */
public final class RemoteBenchmark {

    private RemoteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(arg(args, "--events", "100000"));
        Path work = Path.of(arg(args, "--work", "target/bench"));
        Path corpus = work.resolve("corpus-" + events);
        if (!Files.exists(corpus.resolve(".complete"))) {
            new TrailGenerator(TrailSpec.benchmark(events)).generate(corpus);
            Files.writeString(corpus.resolve(".complete"), "generated");
        }
        Path caseDir = Files.createTempDirectory("remote-bench-case");
        System.out.printf("## Local and remote, %,d events, %d cores, heap %d MB, load average %.2f%n%n", events,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        long t0 = System.nanoTime();
        try (Case local = Case.open(caseDir)) {
            ImportReport report = local.importPath(corpus, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            double localSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("- local import: %,d records in %.1f s, **%,.0f events/s**%n", report.eventsRead(),
                    localSeconds, report.eventsRead() / localSeconds);

            TestNode node = TestNode.get();
            try (RemoteCase remote = RemoteCase.connect(RemoteTarget.parse(node.url() + "/bench-" + events, null, null))) {
                long t1 = System.nanoTime();
                RemoteImport.Result result = remote.importer().importPath(corpus, SourceFilter.ALL, Cancellation.none());
                double remoteSeconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("- remote import (bulk API, one-node cluster in the same JVM): %,d events in %.1f s, "
                                + "**%,.0f events/s**, %d retries%n%n", result.events(), remoteSeconds,
                        result.events() / remoteSeconds, result.retries());
                queries(local.search(), remote.search());
            }
        }
        System.exit(0); // the node's threads
    }

    private static void queries(EventSearch local, EventSearch remote) throws Exception {
        Map<String, SearchRequest> queries = Benchmarks.sixQueries();
        System.out.println("Window query (total, 12 facets drill-sideways, histogram, first 100 rows), median of 11 after 3 warm-ups:");
        System.out.println();
        System.out.println("| query | hits local | hits remote | local ms | remote ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (var q : queries.entrySet()) {
            SearchRequest request = q.getValue().withFacets(10).withTimeline(true, null).withPage(100, null);
            long localHits = local.search(request).total();
            long remoteHits = remote.search(request).total();
            System.out.printf("| %s | %,d | %,d | %.1f | %.1f |%n", q.getKey(), localHits, remoteHits,
                    median(local, request), median(remote, request));
        }
    }

    private static double median(EventSearch search, SearchRequest request) throws Exception {
        for (int i = 0; i < 3; i++) {
            search.search(request);
        }
        double[] ms = new double[11];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            search.search(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}

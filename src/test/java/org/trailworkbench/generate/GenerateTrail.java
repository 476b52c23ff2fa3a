package org.trailworkbench.generate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Writes a generated CloudTrail evidence folder. Regenerate the bundled sample with
 * <pre>
 * rm -rf sample-logs &amp;&amp; mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dapp.mainClass=org.trailworkbench.generate.GenerateTrail -Dexec.args="sample-logs --sample"
 * </pre>
 * ({@code app.mainClass}, not {@code exec.mainClass}: the pom sets the plugin's main class from it).
 * and a benchmark corpus of half a million events with {@code -Dexec.args="/tmp/corpus --events 500000"}.
 * {@code --seed} changes every random choice; the same arguments always write the same bytes.
 */
@Command(name = "generate-trail", mixinStandardHelpOptions = true,
        description = "Generates a deterministic CloudTrail trail (logs, signed digests, Insights) in S3 layout.")
public final class GenerateTrail implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<outputDir>", description = "New or empty folder to write into.")
    private Path output;

    @Option(names = "--sample", description = "What sample-logs/ holds (the default).")
    private boolean sample;

    @Option(names = "--events", paramLabel = "N", description = "A benchmark corpus of about N events.")
    private Long events;

    @Option(names = "--seed", paramLabel = "S", description = "Seed instead of the preset's own.")
    private Long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateTrail()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (sample && events != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "choose --sample or --events, not both");
        }
        TrailSpec spec = events != null ? TrailSpec.benchmark(events) : TrailSpec.sample();
        if (seed != null) {
            spec = spec.toBuilder().seed(seed).build();
        }
        long started = System.nanoTime();
        GeneratedTrail trail = new TrailGenerator(spec).generate(output, (done, total, message) ->
                System.err.printf(Locale.ROOT, "\r[%d/%d] %-60s", done, total, message));
        double seconds = (System.nanoTime() - started) / 1e9;
        GeneratedTrail.Counts c = trail.counts();
        System.err.println();
        System.out.printf(Locale.ROOT, "%s: %,d events (%,d re-delivered) in %,d log files, %,d digests, %,d Insights"
                        + " files%n", output, c.events(), c.redelivered(), c.logFiles(), c.digests(), c.insightsFiles());
        System.out.printf(Locale.ROOT, "%.1f s, %,.0f events/s, %.1f MB written, %.1f MB of JSON before gzip%n",
                seconds, c.events() / seconds, c.bytesWritten() / 1e6, c.jsonBytes() / 1e6);
        for (InjectedSpike spike : trail.spikes()) {
            System.out.printf(Locale.ROOT, "spike %s %s %s %s %s..%s (%d events)%n", spike.kind(), spike.account(),
                    spike.region(), spike.eventSource(), spike.start(), spike.end(), spike.eventCount());
        }
        return 0;
    }
}

package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Generates a CloudTrail evidence folder: log files in CloudTrail's S3 layout, hourly signed digests,
 * Insights files for the spikes it injects, and {@code public-keys.json}. The output depends only on the
 * {@link TrailSpec}: units of work (account, region, day) run in parallel, each from its own seed, and
 * their results are gathered in a fixed order.
 */
public final class TrailGenerator {
    public static final String PUBLIC_KEYS_FILE = "public-keys.json";

    /** Log and Insights files: compact JSON, UTF-8 as is (the non-ASCII values stay readable). */
    private static final JsonFactory LOG_JSON = JsonFactory.builder().build();
    /** Digests: AWS writes {@code \/} for every slash. */
    private static final JsonFactory DIGEST_JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

    private final TrailSpec spec;
    private final int threads;

    public TrailGenerator(TrailSpec spec) {
        this(spec, Runtime.getRuntime().availableProcessors());
    }

    /** {@code threads} changes the speed only, never the output. */
    public TrailGenerator(TrailSpec spec, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.spec = spec;
        this.threads = threads;
    }

    public GeneratedTrail generate(Path root) throws IOException {
        return generate(root, Progress.none());
    }

    /**
     * Writes the trail under {@code root}, which must be missing or empty: mixing two trails in one folder
     * would break their digest chains.
     */
    public GeneratedTrail generate(Path root, Progress progress) throws IOException {
        prepare(root);
        TrailLayout layout = new TrailLayout(spec);
        Volume volume = new Volume(spec);
        List<AccountModel> accounts = spec.accounts().stream()
                .map(id -> new AccountModel(id, spec)).toList();
        List<SpikePlan> spikes = SpikePlanner.plan(spec, accounts, volume);
        String globalRegion = Volume.globalRegion(spec);
        ApiTable globalTable = new ApiTable(true);
        ApiTable regionalTable = new ApiTable(false);

        int units = accounts.size() * spec.regions().size() * spec.days();
        long total = units + (spec.withDigests() ? (long) accounts.size() * spec.regions().size() : 0);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units), runnable -> {
            Thread thread = new Thread(runnable, "trail-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RegionDayWriter.Result>> futures = new ArrayList<>();
            for (AccountModel account : accounts) {
                for (String region : spec.regions()) {
                    ApiTable table = region.equals(globalRegion) ? globalTable : regionalTable;
                    for (int day = 0; day < spec.days(); day++) {
                        var unit = new RegionDayWriter(spec, layout, root, LOG_JSON, account, region, day, volume,
                                table, spikes);
                        String label = account.id + " " + region + " day " + (day + 1);
                        futures.add(pool.submit(() -> {
                            if (progress.isCancelled()) {
                                throw new CancellationException("cancelled");
                            }
                            RegionDayWriter.Result result = unit.call();
                            progress.update(done.incrementAndGet(), total, "log files of " + label);
                            return result;
                        }));
                    }
                }
            }
            long events = 0;
            long redelivered = 0;
            long logFiles = 0;
            long jsonBytes = 0;
            long bytes = 0;
            List<List<LogFile>> perChain = new ArrayList<>();
            int index = 0;
            for (AccountModel account : accounts) {
                for (String region : spec.regions()) {
                    List<LogFile> chain = new ArrayList<>();
                    for (int day = 0; day < spec.days(); day++) {
                        RegionDayWriter.Result result = await(futures.get(index++));
                        events += result.events();
                        redelivered += result.redelivered();
                        chain.addAll(result.files());
                    }
                    chain.sort(null);
                    for (LogFile file : chain) {
                        jsonBytes += file.jsonBytes();
                        bytes += file.gzipBytes();
                    }
                    logFiles += chain.size();
                    perChain.add(chain);
                }
            }

            TrailKeys keys = keys();
            long digests = 0;
            if (spec.withDigests()) {
                DigestSigner signer = new DigestSigner(keys.keyPair());
                List<Future<Integer>> chains = new ArrayList<>();
                index = 0;
                for (AccountModel account : accounts) {
                    for (String region : spec.regions()) {
                        var writer = new DigestChainWriter(spec, layout, root, DIGEST_JSON, signer,
                                keys.fingerprint(), account.id, region, perChain.get(index++));
                        chains.add(pool.submit(() -> {
                            int count = writer.call();
                            progress.update(done.incrementAndGet(), total, "digests of " + account.id + " " + region);
                            return count;
                        }));
                    }
                }
                for (Future<Integer> chain : chains) {
                    digests += await(chain);
                }
                Path publicKeys = root.resolve(PUBLIC_KEYS_FILE);
                Files.writeString(publicKeys, publicKeysJson(keys), StandardCharsets.UTF_8);
            }
            long insightsFiles = 0;
            if (spec.withInsights()) {
                new InsightsWriter(spec, layout, root, LOG_JSON).write(spikes);
                insightsFiles = spikes.size() * 2L;
            }
            bytes = sizeOf(root);
            List<InjectedSpike> injected = spikes.stream().map(SpikePlan::spike).toList();
            return new GeneratedTrail(root, new GeneratedTrail.Counts(events, redelivered, logFiles, digests,
                    insightsFiles, insightsFiles, jsonBytes, bytes), injected, keys);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The signing key, valid from 30 days before the trail to a year after: what ListPublicKeys would
     * return for the trail's time range.
     */
    public TrailKeys keys() {
        Instant from = spec.start().truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
        return TrailKeys.derive(spec.seed(), from, from.plus(395, ChronoUnit.DAYS));
    }

    /** The shape of {@code aws cloudtrail list-public-keys} output, as the CLI prints it. */
    static String publicKeysJson(TrailKeys keys) {
        return "{\n"
                + "    \"PublicKeyList\": [\n"
                + "        {\n"
                + "            \"Value\": \"" + keys.publicKeyBase64() + "\",\n"
                + "            \"ValidityStartTime\": \"" + cliTime(keys.validityStart()) + "\",\n"
                + "            \"ValidityEndTime\": \"" + cliTime(keys.validityEnd()) + "\",\n"
                + "            \"Fingerprint\": \"" + keys.fingerprint() + "\"\n"
                + "        }\n"
                + "    ]\n"
                + "}\n";
    }

    /** The CLI prints timestamps as ISO-8601 with a numeric offset. */
    private static String cliTime(Instant instant) {
        return Times.iso(instant).replace("Z", "+00:00");
    }

    private static void prepare(Path root) throws IOException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new IOException(root + " is a file, not a folder");
            }
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(root + " is not empty; generate into a new or empty folder");
                }
            }
        }
        Files.createDirectories(root);
    }

    private static long sizeOf(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}

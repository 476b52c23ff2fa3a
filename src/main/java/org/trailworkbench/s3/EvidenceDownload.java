package org.trailworkbench.s3;

import org.trailworkbench.files.AtomicFiles;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.TrailPath;
import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a trail's objects to a local evidence folder that verifies offline later: each object under its
 * key, each digest's S3 user metadata (its signature) beside it as {@code <name>.metadata.json},
 * {@code public-keys.json} from CloudTrail, and {@code download-manifest.json} with what S3 said about each
 * object and the SHA-256 of the bytes written. Files appear only complete (written to a hidden temporary
 * file, then moved), so a re-run fetches exactly what is missing, incomplete or changed.
 */
public final class EvidenceDownload {

    private static final long PROGRESS_EVERY_MS = 200;
    private static final int SAVE_EVERY = 250;

    private final AwsSettings settings;

    public EvidenceDownload(AwsSettings settings) {
        this.settings = settings;
    }

    public DownloadReport run(S3Location location, S3Selection selection, Path folder, DownloadListener listener,
                              Cancellation cancel) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(folder);
        Path root = folder.toAbsolutePath().normalize();
        try (S3Client s3 = AwsClients.s3ForBucket(settings, location.bucket())) {
            TrailListing.Result listing;
            try {
                listing = new TrailListing(new S3Lister(s3, settings.profile()), settings.concurrency())
                        .list(location, selection, listener::listed, cancel);
            } catch (CancellationException stopped) {
                return new DownloadReport(root, 0, 0, List.of(), List.of(), 0, 0, -1, null,
                        Duration.ofNanos(System.nanoTime() - started), true);
            }
            DownloadManifest manifest = DownloadManifest.load(root, location.toString());
            Run run = new Run(new S3Reader(s3, settings.profile(), settings.maxAttempts()), root, manifest, cancel);
            listing.skipped().forEach(s -> run.problems.add(new DownloadReport.Problem(s.uri(), s.reason())));
            run.transfer(listing.objects(), listener);
            manifest.save();

            int keys = -1;
            String keysProblem = null;
            Set<String> regions = new TreeSet<>();
            LocalDate first = null;
            LocalDate last = null;
            for (S3Object object : listing.objects()) {
                TrailPath path = TrailPath.parse(object.key()).orElse(null);
                if (path != null && path.kind() == FileKind.DIGEST && path.region() != null && path.date() != null) {
                    regions.add(path.region());
                    first = first == null || path.date().isBefore(first) ? path.date() : first;
                    last = last == null || path.date().isAfter(last) ? path.date() : last;
                }
            }
            if (!regions.isEmpty() && !cancel.isCancelled()) {
                try {
                    // a digest is delivered up to a day after the hour it covers: widen the range by a day each side
                    keys = PublicKeysFile.fetchAndWrite(settings, regions,
                            first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), root);
                } catch (S3Failure e) {
                    keysProblem = e.getMessage();
                }
            }
            return new DownloadReport(root, run.downloaded.get(), run.present.get(), sorted(run.changed),
                    run.problems.stream().sorted(java.util.Comparator.comparing(DownloadReport.Problem::uri)).toList(), listing.filteredOut(), run.bytes.get(), keys, keysProblem,
                    Duration.ofNanos(System.nanoTime() - started), cancel.isCancelled());
        }
    }

    private static <T extends Comparable<? super T>> List<T> sorted(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.sort(copy);
        return copy;
    }

    /** One download's workers and counters. */
    private final class Run {
        final S3Reader reader;
        final Path root;
        final DownloadManifest manifest;
        final Cancellation cancel;
        final AtomicInteger downloaded = new AtomicInteger();
        final AtomicInteger present = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final List<String> changed = Collections.synchronizedList(new ArrayList<>());
        final List<DownloadReport.Problem> problems = Collections.synchronizedList(new ArrayList<>());

        Run(S3Reader reader, Path root, DownloadManifest manifest, Cancellation cancel) {
            this.reader = reader;
            this.root = root;
            this.manifest = manifest;
            this.cancel = cancel;
        }

        void transfer(List<S3Object> objects, DownloadListener listener) throws IOException {
            ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
                Thread t = new Thread(r, "s3-download");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> tasks = new ArrayList<>();
                for (S3Object object : objects) {
                    tasks.add(pool.submit(() -> {
                        if (!cancel.isCancelled()) {
                            one(object);
                            if (done.incrementAndGet() % SAVE_EVERY == 0) {
                                manifest.save();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> task : tasks) {
                    while (true) {
                        try {
                            task.get(PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException tick) {
                            listener.progress(done.get(), objects.size(), bytes.get());
                        } catch (ExecutionException e) {
                            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancel.cancel();
                            break;
                        }
                    }
                }
                listener.progress(done.get(), objects.size(), bytes.get());
            } finally {
                pool.shutdownNow();
            }
        }

        private void one(S3Object object) throws IOException {
            Path file = SafeKeys.resolve(root, object.key()).orElse(null);
            if (file == null) {
                problems.add(new DownloadReport.Problem(object.uri(),
                        "refused: the key would be written outside the folder (an absolute path, '..' or an empty segment)"));
                return;
            }
            boolean digest = TrailPath.parse(object.key()).map(p -> p.kind() == FileKind.DIGEST).orElse(false);
            Path sidecar = file.resolveSibling(file.getFileName() + ".metadata.json");
            var earlier = manifest.get(object.key());
            if (earlier.isPresent() && earlier.get().etag() != null && earlier.get().etag().equals(object.etag())
                    && earlier.get().size() == object.size() && Files.isRegularFile(file) && Files.size(file) == object.size()
                    && (!digest || Files.isRegularFile(sidecar))) {
                present.incrementAndGet();
                return;
            }
            try {
                fetch(object, file, digest ? sidecar : null, earlier.isPresent());
            } catch (S3Failure e) {
                problems.add(new DownloadReport.Problem(object.uri(), e.getMessage()));
            } catch (IOException e) {
                problems.add(new DownloadReport.Problem(object.uri(), "cannot be written to " + file + ": " + e.getMessage()));
            }
        }

        private void fetch(S3Object object, Path file, Path sidecar, boolean hadEarlier) throws IOException {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling("." + file.getFileName() + ".part");
            MessageDigest sha256 = sha256();
            GetObjectResponse response;
            long written;
            try (ObjectStream stream = reader.open(object);
                 InputStream in = new DigestInputStream(stream, sha256);
                 OutputStream out = Files.newOutputStream(part)) {
                response = stream.response();
                written = in.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            bytes.addAndGet(written);
            String sha = HexFormat.of().formatHex(sha256.digest());
            if (written != object.size()) {
                Files.deleteIfExists(part);
                throw new S3Failure(S3Failure.Reason.CHANGED, object.bucket(), object.key(), object.uri() + " had "
                        + written + " bytes instead of the " + object.size() + " listed: run again", null);
            }
            if (!hadEarlier && Files.exists(file) && !sha.equals(sha256Of(file))) {
                // a file we did not write: it may be someone's evidence, so it is never replaced
                Files.deleteIfExists(part);
                throw new S3Failure(S3Failure.Reason.OTHER, object.bucket(), object.key(), file
                        + " already exists with other content and was not replaced", null);
            }
            if (hadEarlier && manifest.get(object.key()).map(e -> !sha.equals(e.sha256())).orElse(false)) {
                changed.add(object.uri());
            }
            if (sidecar != null) {
                writeSidecar(sidecar, response.metadata());
            }
            AtomicFiles.replace(part, file);
            manifest.put(new DownloadManifest.Entry(object.key(), written, object.etag(), response.versionId(),
                    response.lastModified() == null ? object.lastModified() : response.lastModified(), sha));
            downloaded.incrementAndGet();
        }
    }

    /** The digest's user metadata as CloudTrail set it: {"signature":"...","signature-algorithm":"SHA256withRSA"}. */
    private static void writeSidecar(Path sidecar, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(sidecar, com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsBytes(new TreeMap<>(metadata)));
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

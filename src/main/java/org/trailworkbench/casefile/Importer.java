package org.trailworkbench.casefile;

import org.trailworkbench.index.EventIndex;
import org.trailworkbench.ingest.CloudTrailReader;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.ReadResult;
import org.trailworkbench.ingest.SourceFile;
import org.trailworkbench.ingest.TrailPath;
import org.trailworkbench.task.Cancellation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports files into a case: in parallel, one file per worker, committing every few seconds so that a
 * crash loses little, and recording each finished file in the manifest only once it is committed.
 */
final class Importer {

    private static final long PROGRESS_EVERY_MS = 200;
    /**
     * A generous guess of events per byte of source: CloudTrail records are 1 to 2 KB of JSON and compress
     * about 7 times; it only sizes the duplicate filter, so guessing high costs a little memory, low some speed.
     */
    private static final long BYTES_PER_EVENT_AT_LEAST = 100;

    private final EventIndex index;
    private final Manifest manifest;
    private final int threads;
    private final Duration commitEvery;

    /**
     * @param commitEvery how much work a crash may cost at most; each commit is an fsync, so not too often
     */
    Importer(EventIndex index, Manifest manifest, int threads, Duration commitEvery) {
        this.index = index;
        this.manifest = manifest;
        this.threads = threads;
        this.commitEvery = commitEvery;
    }

    ImportReport run(List<SourceFile> files, List<ImportReport.Skipped> skipped, long filteredOut,
                     ImportListener listener, Cancellation cancel) throws IOException {
        long started = System.nanoTime();
        long eventsBefore = index.eventCount();
        long bytesTotal = files.stream().mapToLong(SourceFile::size).sum();
        var counters = new Counters();
        var finished = new ConcurrentLinkedQueue<FileOutcome>();
        List<FileOutcome> outcomes = new ArrayList<>();
        boolean cancelled = false;

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<CloudTrailReader> readers = ThreadLocal.withInitial(CloudTrailReader::new);
        try (EventIndex.Writer writer = index.openWriter(bytesTotal / BYTES_PER_EVENT_AT_LEAST)) {
            List<Future<?>> tasks = new ArrayList<>(files.size());
            for (SourceFile file : files) {
                tasks.add(pool.submit(() -> {
                    if (cancel.isCancelled()) {
                        return null;
                    }
                    FileOutcome outcome = importOne(file, readers.get(), writer, counters, cancel);
                    counters.filesDone.incrementAndGet();
                    if (outcome.isProblem()) {
                        counters.problems.incrementAndGet();
                    }
                    finished.add(outcome);
                    listener.fileFinished(outcome);
                    return null;
                }));
            }
            long lastCommit = System.nanoTime();
            long lastProgress = 0;
            for (Future<?> task : tasks) {
                boolean done = false;
                while (!done) {
                    try {
                        task.get(PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
                        done = true;
                    } catch (java.util.concurrent.TimeoutException tick) {
                        // fall through to the periodic work below
                    } catch (CancellationException | ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (!(cause instanceof CancellationException)) {
                            throw new IOException("import stopped: " + (cause == null ? e : cause).getMessage(), cause);
                        }
                        done = true;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancel.cancel();
                        done = true;
                    }
                    long now = System.nanoTime();
                    if (now - lastProgress > TimeUnit.MILLISECONDS.toNanos(PROGRESS_EVERY_MS)) {
                        listener.progress(counters.snapshot(files.size(), bytesTotal, started));
                        lastProgress = now;
                    }
                    if (now - lastCommit > commitEvery.toNanos()) {
                        commit(writer, finished, outcomes);
                        lastCommit = System.nanoTime();
                    }
                }
            }
            cancelled = cancel.isCancelled();
            commit(writer, finished, outcomes);
            listener.progress(counters.snapshot(files.size(), bytesTotal, started));
        } finally {
            pool.shutdownNow();
        }
        long eventsAfter = index.eventCount();
        return new ImportReport(outcomes, skipped, filteredOut, counters.events.get(), eventsBefore, eventsAfter,
                counters.bytes.get(), Duration.ofNanos(System.nanoTime() - started), cancelled);
    }

    /** Commits the index first, then records the files whose events that commit holds. */
    private void commit(EventIndex.Writer writer, ConcurrentLinkedQueue<FileOutcome> finished,
                        List<FileOutcome> outcomes) throws IOException {
        List<FileOutcome> batch = new ArrayList<>();
        FileOutcome next;
        while ((next = finished.poll()) != null) {
            batch.add(next);
        }
        writer.commit(Map.of("committedAt", Instant.now().toString()));
        manifest.putAll(batch.stream().filter(o -> !o.unchanged()).map(FileOutcome::record).toList());
        outcomes.addAll(batch);
    }

    private FileOutcome importOne(SourceFile file, CloudTrailReader reader, EventIndex.Writer writer,
                                  Counters counters, Cancellation cancel) {
        Optional<FileRecord> previous = manifest.get(file.id());
        TrailPath trailPath = file.trailPath();
        boolean digestByPath = trailPath != null && trailPath.kind() == FileKind.DIGEST;
        try {
            if (previous.isPresent() && previous.get().status().isFinal() && previous.get().size() == file.size()) {
                if (file.etag() != null) {
                    // the store vouches for the bytes: an unchanged object is not even fetched
                    if (file.etag().equals(previous.get().etag())) {
                        return new FileOutcome(previous.get(), true, null);
                    }
                } else {
                    String sha = hashOnly(file, counters);
                    if (sha.equals(previous.get().sha256())) {
                        return new FileOutcome(previous.get(), true, null);
                    }
                }
            }
            String changedFrom = previous.map(FileRecord::sha256).orElse(null);
            MessageDigest sha256 = Sha256.digest();
            ReadResult result;
            try (InputStream in = new DigestInputStream(new Counting(file.open(), counters.bytes), sha256)) {
                if (digestByPath) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    result = new ReadResult(FileKind.DIGEST, 0, 0, null);
                } else {
                    result = reader.read(in, event -> {
                        cancel.throwIfCancelled();
                        writer.add(event, file.id());
                        counters.events.incrementAndGet();
                    });
                    // damage stops the parser early; the hash still covers every byte of the file
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            String sha = Sha256.hex(sha256);
            if (changedFrom != null && changedFrom.equals(sha)) {
                changedFrom = null; // re-read because the last attempt failed, not because it changed
            }
            FileKind kind = trailPath != null && trailPath.kind() == FileKind.INSIGHTS && result.kind() == FileKind.EVENTS
                    ? FileKind.INSIGHTS : result.kind();
            return new FileOutcome(new FileRecord(file.source(), file.id(), file.size(), sha, result.events(), kind,
                    status(result), reason(result), Instant.now(), file.etag(), result.warnings()), false, changedFrom);
        } catch (IOException e) {
            return new FileOutcome(new FileRecord(file.source(), file.id(), file.size(), null, 0, null,
                    FileStatus.FAILED, "cannot be read: " + describe(e), Instant.now()), false, null);
        }
    }

    private static FileStatus status(ReadResult result) {
        if (result.damaged() && result.kind() != FileKind.DIGEST && !result.damage().startsWith("not JSON")) {
            return FileStatus.DAMAGED; // broken before its first record too: damage, not "not CloudTrail"
        }
        return switch (result.kind()) {
            case DIGEST -> FileStatus.DIGEST;
            case EMPTY -> FileStatus.EMPTY;
            case NOT_CLOUDTRAIL -> FileStatus.NOT_CLOUDTRAIL;
            case EVENTS, INSIGHTS -> result.damaged() ? FileStatus.DAMAGED : FileStatus.IMPORTED;
        };
    }

    private static String reason(ReadResult result) {
        if (result.damaged()) {
            return result.damage() + (result.events() > 0 ? " (" + result.events() + " records before it were kept)" : "");
        }
        return switch (result.kind()) {
            case EMPTY -> "the file is empty";
            case NOT_CLOUDTRAIL -> "no CloudTrail events in it" + (result.skipped() > 0 ? " (" + result.skipped() + " other JSON items)" : "");
            default -> null;
        };
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : ": " + message);
    }

    private static String hashOnly(SourceFile file, Counters counters) throws IOException {
        Sha256.Hashed hashed = Sha256.of(file.open());
        counters.bytes.addAndGet(hashed.bytes());
        return hashed.hex();
    }

    private static final class Counters {
        final AtomicInteger filesDone = new AtomicInteger();
        final AtomicInteger problems = new AtomicInteger();
        final AtomicLong events = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        ImportProgress snapshot(int filesTotal, long bytesTotal, long startedNanos) {
            return new ImportProgress(filesDone.get(), filesTotal, events.get(), bytes.get(), bytesTotal,
                    problems.get(), Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }

    /** Counts bytes as they are read, for progress by bytes. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong counter;

        Counting(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }
    }
}

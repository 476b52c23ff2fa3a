package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.trailworkbench.ingest.CloudTrailReader;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.FolderScanner;
import org.trailworkbench.ingest.ReadResult;
import org.trailworkbench.ingest.SourceFile;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports CloudTrail files into a remote case with the bulk API. Each event's {@code _id} is its eventID (or
 * the content hash the reader gives a record without one), so a re-delivered event or a re-run import stores
 * it once. Batches go out {@link #IN_FLIGHT} at a time; a batch or an item the cluster refuses for load (429,
 * 503) goes again after a growing pause. A file enters the manifest (in the cluster) only once all its
 * events are acknowledged, so an interrupted import re-reads exactly the files it had not finished.
 */
public final class RemoteImport {

    private static final int BATCH = 500;
    private static final int IN_FLIGHT = 2;
    private static final int MAX_ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MS = 100;
    private static final long LONGEST_PAUSE_MS = 5_000;

    /** What an import did. */
    public record Result(int files, int skippedUnchanged, long events, long retries, List<String> problems,
                         boolean cancelled) {
    }

    private final RemoteCase remote;
    private final AtomicLong retries = new AtomicLong();

    RemoteImport(RemoteCase remote) {
        this.remote = remote;
    }

    /** Where an import is, after each file (imported or skipped as unchanged); called on the importing thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (filesDone, filesTotal, events) -> {
        };

        void files(int filesDone, int filesTotal, long events);
    }

    public Result importPath(Path source, SourceFilter filter, Cancellation cancel) throws IOException {
        return importPath(source, filter, Progress.NONE, cancel);
    }

    public Result importPath(Path source, SourceFilter filter, Progress progress, Cancellation cancel) throws IOException {
        FolderScanner.Scan scan = new FolderScanner().scan(source, filter);
        return importFiles(scan.files(), progress, cancel);
    }

    public Result importFiles(List<SourceFile> files, Cancellation cancel) throws IOException {
        return importFiles(files, Progress.NONE, cancel);
    }

    public Result importFiles(List<SourceFile> files, Progress progress, Cancellation cancel) throws IOException {
        remote.prepareForImport();
        Manifest manifest = new Manifest(remote);
        ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
            Thread t = new Thread(r, "bulk");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<String> problems = new ArrayList<>();
        int done = 0;
        int unchanged = 0;
        long events = 0;
        int seen = 0;
        try {
            CloudTrailReader reader = new CloudTrailReader();
            for (SourceFile file : files) {
                seen++;
                if (cancel.isCancelled()) {
                    return new Result(done, unchanged, events, retries.get(), problems, true);
                }
                if (manifest.holds(file)) {
                    unchanged++;
                    progress.files(seen, files.size(), events);
                    continue;
                }
                if (file.trailPath() != null && file.trailPath().kind() == FileKind.DIGEST) {
                    progress.files(seen, files.size(), events);
                    continue; // not events: a digest belongs to verification, as in a local case
                }
                List<Future<List<String>>> sent = new ArrayList<>();
                List<BulkOperation> batch = new ArrayList<>(BATCH);
                ReadResult read = null;
                String unreadable = null;
                try (InputStream in = file.open()) {
                    read = reader.read(in, event -> {
                        String id = event.eventId();
                        Map<String, Object> doc = RemoteDocuments.of(event, file.id());
                        batch.add(BulkOperation.of(b -> b.index(i -> i.index(remote.target().index()).id(id).document(doc))));
                        if (batch.size() == BATCH) {
                            sent.add(send(senders, inFlight, List.copyOf(batch)));
                            batch.clear();
                        }
                    });
                } catch (RemoteFailure | java.io.InterruptedIOException e) {
                    throw e; // the cluster or the user ended the import, not this file
                } catch (IOException e) {
                    // one unreadable file is a problem to report, not the end of the import (as in a local case)
                    unreadable = "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                if (!batch.isEmpty()) {
                    sent.add(send(senders, inFlight, List.copyOf(batch)));
                }
                List<String> refused = new ArrayList<>();
                for (Future<List<String>> batchResult : sent) {
                    refused.addAll(await(batchResult));
                }
                done++;
                if (unreadable != null) {
                    problems.add(file.id() + ": " + unreadable); // not in the manifest: the next run tries it again
                    progress.files(seen, files.size(), events);
                    continue;
                }
                events += read.events();
                String problem = problem(read);
                if (problem != null) {
                    // a damaged file's events before the damage are stored, as in a local case
                    problems.add(file.id() + ": " + problem);
                }
                if (refused.isEmpty()) {
                    manifest.record(file, read.events());
                } else {
                    problems.add(file.id() + ": " + refused.size() + " events refused, e.g. " + refused.get(0));
                }
                progress.files(seen, files.size(), events);
            }
            // the manifest too: a check or a re-run right after the import reads it through a search
            remote.client().indices().refresh(r -> r.index(remote.target().index(), remote.manifestIndex()));
            return new Result(done, unchanged, events, retries.get(), problems, false);
        } catch (OpenSearchException e) {
            throw RemoteFailure.of(remote.target(), e);
        } finally {
            senders.shutdownNow();
        }
    }

    private Future<List<String>> send(ExecutorService senders, Semaphore inFlight, List<BulkOperation> batch)
            throws IOException {
        try {
            inFlight.acquire(); // bounded: the reader waits while IN_FLIGHT batches are out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("import interrupted");
        }
        return senders.submit(() -> {
            try {
                return sendWithRetries(batch);
            } finally {
                inFlight.release();
            }
        });
    }

    private List<String> await(Future<List<String>> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("import interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : RemoteFailure.of(remote.target(), (Exception) cause);
        }
    }

    /** @return why each finally refused event was refused (empty when all are stored) */
    private List<String> sendWithRetries(List<BulkOperation> batch) throws IOException, InterruptedException {
        List<BulkOperation> pending = batch;
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            BulkResponse response;
            try {
                List<BulkOperation> operations = pending;
                response = remote.client().bulk(BulkRequest.of(b -> b.operations(operations)));
            } catch (Exception e) {
                if (!(overloaded(e) || dropped(e)) || attempt == MAX_ATTEMPTS) {
                    throw RemoteFailure.of(remote.target(), e);
                }
                retries.incrementAndGet();
                Thread.sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
                continue;
            }
            if (!response.errors()) {
                return List.of();
            }
            List<BulkOperation> again = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            Map<String, BulkOperation> byId = new HashMap<>();
            pending.forEach(op -> byId.put(op.index().id(), op));
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    continue;
                }
                if ((item.status() == 429 || item.status() == 503) && attempt < MAX_ATTEMPTS) {
                    again.add(byId.get(item.id()));
                } else {
                    refused.add(item.id() + " (" + item.status() + " " + item.error().reason() + ")");
                }
            }
            if (again.isEmpty()) {
                return refused;
            }
            retries.incrementAndGet();
            Thread.sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            pending = again;
        }
    }

    /** What the user should hear about a file that was read, as a local import words it; null when all is well. */
    private static String problem(ReadResult read) {
        if (read.damaged()) {
            return "damaged: " + read.damage() + (read.events() > 0 ? " (" + read.events() + " records before it were kept)" : "");
        }
        return read.kind() == FileKind.NOT_CLOUDTRAIL ? "not CloudTrail: no CloudTrail events in it" : null;
    }

    /**
     * The connection closed under the request (a pooled connection the server or a proxy had dropped, seen
     * through a busy proxy in RemoteImportTest). Sending the batch again is safe: each operation indexes its
     * event under its own _id, so one that did arrive is only overwritten with the same document.
     */
    private static boolean dropped(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.hc.core5.http.ConnectionClosedException
                    || t instanceof org.apache.hc.core5.http.NoHttpResponseException) {
                return true;
            }
        }
        return false;
    }

    /** The cluster asks us to slow down: 429 Too Many Requests or 503 Service Unavailable. */
    private static boolean overloaded(Exception e) {
        if (e instanceof OpenSearchException o) {
            return o.status() == 429 || o.status() == 503;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("429") || message.contains("503");
    }
}

package org.trailworkbench.s3;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.SourceFile;
import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;

/**
 * Imports a trail from S3 into a case: lists what the selection wants (see {@link TrailListing}), then
 * hands the objects to the case's import pipeline, which streams each one from its connection into the
 * parser, {@link AwsSettings#concurrency()} at a time. Objects imported before with the same ETag are
 * not fetched again; one whose ETag changed is read again and reported as changed.
 */
public final class S3Import {

    private final AwsSettings settings;

    public S3Import(AwsSettings settings) {
        this.settings = settings;
    }

    /**
     * The objects a selection picks, as source files that stream from S3 when opened (each with its ETag, so
     * an importer's manifest can tell an unchanged object), for any importer: the local case's pipeline or a
     * remote case's bulk import. The S3 client stays open until this is closed.
     */
    public static final class Objects implements Closeable {
        private final List<SourceFile> files;
        private final List<ImportReport.Skipped> skipped;
        private final long filteredOut;
        private final boolean cancelled;
        private final S3Client client;

        Objects(List<SourceFile> files, List<ImportReport.Skipped> skipped, long filteredOut, boolean cancelled,
                S3Client client) {
            this.files = files;
            this.skipped = skipped;
            this.filteredOut = filteredOut;
            this.cancelled = cancelled;
            this.client = client;
        }

        /** The objects, in listing order; empty when the listing was cancelled. */
        public List<SourceFile> files() {
            return files;
        }

        /** Keys that are not log files, with the reason. */
        public List<ImportReport.Skipped> skipped() {
            return skipped;
        }

        /** Objects the filter left out. */
        public long filteredOut() {
            return filteredOut;
        }

        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /**
     * @param listed told how many objects have been listed so far, while the listing runs
     * @throws S3Failure when the bucket or the location cannot be reached or listed at all
     */
    public Objects list(S3Location location, S3Selection selection, LongConsumer listed, Cancellation cancel)
            throws IOException {
        S3Client s3 = AwsClients.s3ForBucket(settings, location.bucket());
        try {
            TrailListing.Result listing;
            try {
                listing = new TrailListing(new S3Lister(s3, settings.profile()), settings.concurrency())
                        .list(location, selection, listed, cancel);
            } catch (CancellationException stopped) {
                return new Objects(List.of(), List.of(), 0, true, s3);
            }
            S3Reader reader = new S3Reader(s3, settings.profile(), settings.maxAttempts());
            String source = location.toString();
            List<SourceFile> files = listing.objects().stream()
                    .<SourceFile>map(o -> new S3SourceFile(source, o, location.relative(o.key()), reader))
                    .toList();
            List<ImportReport.Skipped> skipped = listing.skipped().stream()
                    .map(s -> new ImportReport.Skipped(s.uri(), s.reason())).toList();
            return new Objects(files, skipped, listing.filteredOut(), false, s3);
        } catch (IOException | RuntimeException e) {
            s3.close();
            throw e;
        }
    }

    /**
     * @param listed told how many objects have been listed so far, while the listing runs
     * @throws S3Failure when the bucket or the location cannot be reached or listed at all
     */
    public ImportReport run(Case target, S3Location location, S3Selection selection, ImportListener listener,
                            LongConsumer listed, Cancellation cancel) throws IOException {
        try (Objects objects = list(location, selection, listed, cancel)) {
            if (objects.cancelled()) {
                return target.importFiles(List.of(), List.of(), 0, listener, cancel);
            }
            return target.importFiles(objects.files(), objects.skipped(), objects.filteredOut(), listener, cancel,
                    settings.concurrency());
        }
    }
}

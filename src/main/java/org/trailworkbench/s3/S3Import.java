package org.trailworkbench.s3;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.ingest.SourceFile;
import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.services.s3.S3Client;

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
     * @param listed told how many objects have been listed so far, while the listing runs
     * @throws S3Failure when the bucket or the location cannot be reached or listed at all
     */
    public ImportReport run(Case target, S3Location location, S3Selection selection, ImportListener listener,
                            LongConsumer listed, Cancellation cancel) throws IOException {
        try (S3Client s3 = AwsClients.s3ForBucket(settings, location.bucket())) {
            TrailListing.Result listing;
            try {
                listing = new TrailListing(new S3Lister(s3, settings.profile()), settings.concurrency())
                        .list(location, selection, listed, cancel);
            } catch (CancellationException stopped) {
                return target.importFiles(List.of(), List.of(), 0, listener, cancel);
            }
            S3Reader reader = new S3Reader(s3, settings.profile(), settings.maxAttempts());
            String source = location.toString();
            List<SourceFile> files = listing.objects().stream()
                    .<SourceFile>map(o -> new S3SourceFile(source, o, location.relative(o.key()), reader))
                    .toList();
            List<ImportReport.Skipped> skipped = listing.skipped().stream()
                    .map(s -> new ImportReport.Skipped(s.uri(), s.reason())).toList();
            return target.importFiles(files, skipped, listing.filteredOut(), listener, cancel, settings.concurrency());
        }
    }
}

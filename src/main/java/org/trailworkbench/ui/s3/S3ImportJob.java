package org.trailworkbench.ui.s3;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.DownloadListener;
import org.trailworkbench.s3.DownloadReport;
import org.trailworkbench.s3.EvidenceDownload;
import org.trailworkbench.s3.S3Import;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Selection;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * What the dialog asks for, and how it is done. Without an evidence copy the objects stream from S3 into
 * the case. With one, they are downloaded first (with signature sidecars and public keys, so the folder
 * verifies offline) and the case is imported from that folder: each object is fetched once either way.
 *
 * @param evidenceFolder where to keep the copy, or null for none
 */
record S3ImportJob(AwsSettings settings, S3Location location, S3Selection selection, Path evidenceFolder) {

    /** The outcome: the import, and the download when a copy was kept. */
    record Result(ImportReport imported, DownloadReport downloaded) {
    }

    Result run(Case target, ImportListener importing, DownloadListener downloading, LongConsumer listed,
               Cancellation cancel) throws IOException {
        if (evidenceFolder == null) {
            return new Result(new S3Import(settings).run(target, location, selection, importing, listed, cancel), null);
        }
        DownloadReport copy = new EvidenceDownload(settings).run(location, selection, evidenceFolder, downloading, cancel);
        if (copy.cancelled() || cancel.isCancelled()) {
            return new Result(null, copy);
        }
        ImportReport imported = target.importPath(evidenceFolder, selection.filter(), importing, cancel);
        return new Result(imported, copy);
    }
}

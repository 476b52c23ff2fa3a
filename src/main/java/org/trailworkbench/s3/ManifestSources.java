package org.trailworkbench.s3;

import org.trailworkbench.casefile.CaseRebuild;
import org.trailworkbench.casefile.FileRecord;
import org.trailworkbench.casefile.LocalSources;
import org.trailworkbench.casefile.RebuildSources;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Every source a manifest can name, for a rebuild: files on disk, and objects in S3 reached with these settings. */
public final class ManifestSources implements RebuildSources, Closeable {

    private final AwsSettings settings;
    private final LocalSources local = new LocalSources();
    private final S3RebuildSources remote;

    public ManifestSources(AwsSettings settings) {
        this.settings = settings;
        this.remote = new S3RebuildSources(settings);
    }

    @Override
    public Found find(FileRecord record) throws IOException {
        return S3Location.isS3(record.id()) ? remote.find(record) : local.find(record);
    }

    /** Workers for the rebuild: one per core for files on disk, as many as S3 connections for objects. */
    public int workers(Path caseDir) throws IOException {
        return CaseRebuild.readsFromS3(caseDir) ? settings.concurrency() : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void close() {
        remote.close();
    }
}

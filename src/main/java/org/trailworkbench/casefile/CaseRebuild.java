package org.trailworkbench.casefile;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.trailworkbench.index.EventIndex;
import org.trailworkbench.ingest.SourceFile;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Re-creates a case's index from the source files its manifest lists. The new index and manifest are built
 * in a hidden folder of the case and swapped in only when complete; the previous ones are moved to a
 * {@code before-rebuild-<time>} folder, not deleted. Files whose bytes changed since they were imported,
 * or that are gone, are left out and recorded as failed, so that a later import of them reads them again.
 */
public final class CaseRebuild {

    private static final String STAGING_PREFIX = ".rebuild-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path caseDir;
    private final RebuildSources sources;
    private final int threads;

    /** @param threads import workers: one per core for files on disk, more for objects streamed from S3 */
    public CaseRebuild(Path caseDir, RebuildSources sources, int threads) {
        this.caseDir = caseDir.toAbsolutePath().normalize();
        this.sources = sources;
        this.threads = Math.max(1, threads);
    }

    /** Whether the manifest lists objects imported from S3, which want more workers (and AWS settings). */
    public static boolean readsFromS3(Path caseDir) throws IOException {
        return Manifest.load(caseDir.resolve(Case.MANIFEST)).files().stream()
                .anyMatch(f -> CaseCheck.hasIndexedEvents(f) && f.id().startsWith("s3://"));
    }

    public RebuildReport run(ImportListener listener, Cancellation cancel) throws IOException {
        if (!Case.isCase(caseDir)) {
            throw new IOException(caseDir + " is not a Trail Workbench case (it has no case.json)");
        }
        Path indexDir = caseDir.resolve(Case.INDEX);
        try (Lock importsLocked = lockImportsOut(indexDir)) {
            removeStaleStaging();
            Manifest manifest = Manifest.load(caseDir.resolve(Case.MANIFEST));
            List<SourceFile> files = new ArrayList<>();
            List<RebuildReport.LeftOut> leftOut = new ArrayList<>();
            List<FileRecord> kept = new ArrayList<>();
            for (FileRecord record : manifest.files()) {
                if (!CaseCheck.hasIndexedEvents(record)) {
                    kept.add(record); // no events in the index: nothing to read again
                    continue;
                }
                RebuildSources.Found found = sources.find(record);
                if (found.file() != null) {
                    files.add(found.file());
                } else {
                    leftOut.add(new RebuildReport.LeftOut(record.id(), found.leftOutBecause()));
                    kept.add(failed(record, found.leftOutBecause()));
                }
                if (cancel.isCancelled()) {
                    break;
                }
            }
            Path staging = caseDir.resolve(STAGING_PREFIX + STAMP.format(Instant.now()));
            ImportReport reread;
            try {
                reread = build(staging, files, kept, manifest, leftOut, listener, cancel);
            } catch (IOException | RuntimeException e) {
                deleteTree(staging);
                throw e;
            }
            if (reread.cancelled()) {
                deleteTree(staging);
                return new RebuildReport(reread, leftOut, null);
            }
            importsLocked.close(); // Windows renames no folder with an open file in it
            return new RebuildReport(reread, leftOut, swapIn(staging, indexDir));
        }
    }

    /** Imports the files into a new index beside the case's, and writes the manifest that goes with it. */
    private ImportReport build(Path staging, List<SourceFile> files, List<FileRecord> kept, Manifest previous,
                               List<RebuildReport.LeftOut> leftOut, ImportListener listener, Cancellation cancel)
            throws IOException {
        Files.createDirectories(staging);
        EventIndex.create(staging.resolve(Case.INDEX));
        Manifest rebuilt = Manifest.load(staging.resolve(Case.MANIFEST));
        ImportReport reread;
        try (EventIndex index = EventIndex.openReadOnly(staging.resolve(Case.INDEX))) {
            reread = new Importer(index, rebuilt, threads, Duration.ofSeconds(30)).run(files, List.of(), 0, listener, cancel);
        }
        if (reread.cancelled()) {
            return reread;
        }
        Map<String, FileRecord> before = previous.files().stream().collect(Collectors.toMap(FileRecord::id, Function.identity()));
        List<FileRecord> unusable = new ArrayList<>();
        for (FileOutcome outcome : reread.files()) {
            FileRecord now = outcome.record();
            FileRecord then = before.get(now.id());
            if (now.status() == FileStatus.FAILED) {
                leftOut.add(new RebuildReport.LeftOut(now.id(), now.reason()));
                unusable.add(failed(then, now.reason()));
            } else if (!now.sha256().equals(then.sha256())) {
                throw new IOException(now.id() + " changed while the rebuild read it; nothing was swapped in: "
                        + "run the rebuild again");
            }
        }
        kept.addAll(unusable);
        rebuilt.putAll(kept);
        return reread;
    }

    /** The record a left-out file gets: failed, so that importing it again reads it whatever its bytes. */
    private static FileRecord failed(FileRecord record, String reason) {
        return new FileRecord(record.source(), record.id(), record.size(), null, 0, record.kind(), FileStatus.FAILED,
                "left out by rebuild: " + reason, Instant.now(), null);
    }

    /**
     * Moves the previous index and manifest aside and the new ones in. Each move is a rename within the
     * case folder; a crash between two leaves a case that check reports and a second rebuild repairs.
     */
    private Path swapIn(Path staging, Path indexDir) throws IOException {
        Path keptIn = caseDir.resolve("before-rebuild-" + STAMP.format(Instant.now()));
        Files.createDirectories(keptIn);
        Path manifest = caseDir.resolve(Case.MANIFEST);
        if (Files.exists(manifest)) {
            Files.copy(manifest, keptIn.resolve(Case.MANIFEST));
        }
        if (Files.exists(indexDir)) {
            Files.move(indexDir, keptIn.resolve(Case.INDEX), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging.resolve(Case.INDEX), indexDir, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging.resolve(Case.MANIFEST), manifest, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        deleteTree(staging);
        return keptIn;
    }

    /** The index's write lock, which every import takes: no import may write to the index being replaced. */
    private static Lock lockImportsOut(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return new NoLock(); // without an index folder no import can start either
        }
        Directory directory = FSDirectory.open(indexDir);
        try {
            Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            return new Lock() {
                @Override
                public void close() throws IOException {
                    try (directory) {
                        lock.close();
                    }
                }

                @Override
                public void ensureValid() throws IOException {
                    lock.ensureValid();
                }
            };
        } catch (IOException e) {
            directory.close();
            throw e;
        }
    }

    /** Staging folders are the rebuild's own: one left by a crashed rebuild is never complete. */
    private void removeStaleStaging() throws IOException {
        try (Stream<Path> entries = Files.list(caseDir)) {
            for (Path stale : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                deleteTree(stale);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package org.trailworkbench.casefile;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.trailworkbench.index.EventIndex;
import org.trailworkbench.ingest.FolderScanner;
import org.trailworkbench.ingest.SourceFile;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.task.Cancellation;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case: a folder holding a Lucene index of events ({@code index/}) and the manifest of imported files
 * ({@code manifest.jsonl}), marked by {@code case.json}. Everything a user does works on one.
 */
public final class Case implements Closeable {

    private static final String MARKER = "case.json";
    static final String INDEX = "index";
    static final String MANIFEST = "manifest.jsonl";

    private final Path dir;
    private final EventIndex index;
    private final Manifest manifest;
    private final SearchService search;

    private Case(Path dir, EventIndex index, Manifest manifest) {
        this.dir = dir;
        this.index = index;
        this.manifest = manifest;
        this.search = new SearchService(index);
    }

    /**
     * Opens the case in {@code dir}, creating it when the folder is missing or empty. An existing case is
     * opened without writing a byte to it: its index is opened read-only, and imports open a writer of their
     * own for as long as they run.
     *
     * @throws org.trailworkbench.index.DamagedIndexException when the case's index cannot be opened as
     *         committed; {@link CaseCheck} tells what is wrong and {@link CaseRebuild} repairs it
     */
    public static Case open(Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.exists(folder.resolve(MARKER))) {
            create(folder);
        }
        return new Case(folder, EventIndex.openReadOnly(folder.resolve(INDEX)), Manifest.load(folder.resolve(MANIFEST)));
    }

    /** The marker first: a crash before the index is made leaves a case that check and rebuild can repair. */
    private static void create(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(folder + " is not a Trail Workbench case (no " + MARKER
                            + ") and is not empty; choose an empty or new folder");
                }
            }
        }
        Files.createDirectories(folder);
        JsonMapper.builder().build().writeValue(folder.resolve(MARKER).toFile(),
                Map.of("format", 1, "created", Instant.now().toString()));
        EventIndex.create(folder.resolve(INDEX));
    }

    public static boolean isCase(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    public Path dir() {
        return dir;
    }

    public EventIndex index() {
        return index;
    }

    public Manifest manifest() {
        return manifest;
    }

    public SearchService search() {
        return search;
    }

    /** Imports a file or folder from disk. */
    public ImportReport importPath(Path source, SourceFilter filter, ImportListener listener, Cancellation cancel)
            throws IOException {
        FolderScanner.Scan scan = new FolderScanner().scan(source, filter);
        List<ImportReport.Skipped> skipped = scan.skipped().stream()
                .map(s -> new ImportReport.Skipped(s.path(), s.reason())).toList();
        return importFiles(scan.files(), skipped, scan.filteredOut(), listener, cancel);
    }

    /** Imports files from any source, one worker per core. */
    public ImportReport importFiles(List<SourceFile> files, List<ImportReport.Skipped> skipped, long filteredOut,
                                    ImportListener listener, Cancellation cancel) throws IOException {
        return importFiles(files, skipped, filteredOut, listener, cancel, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Imports files from any source with {@code threads} workers. Files on disk want one per core; objects
     * streamed from S3 want more, so that parsing goes on while other objects wait for the network.
     */
    public ImportReport importFiles(List<SourceFile> files, List<ImportReport.Skipped> skipped, long filteredOut,
                                    ImportListener listener, Cancellation cancel, int threads) throws IOException {
        threads = Math.max(1, threads);
        Duration commitEvery = Duration.ofMillis(Long.getLong("trailworkbench.commitIntervalMs", 10_000));
        return new Importer(index, manifest, threads, commitEvery).run(files, skipped, filteredOut, listener, cancel);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}

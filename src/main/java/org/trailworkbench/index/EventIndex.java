package org.trailworkbench.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.trailworkbench.ingest.ParsedEvent;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one owner of a case's Lucene index. Readers see the last commit only: an import opens a writer,
 * commits as it goes and closes it, so a crash always leaves the index at a clean commit, and the CLI
 * can search a case while nothing is importing.
 */
public final class EventIndex implements Closeable {

    private final Directory directory;
    private final SearcherManager searchers;
    private final ExecutorService searchThreads;

    private EventIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.searchThreads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                daemon("search"));
        try {
            this.searchers = new SearcherManager(directory, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                                 org.apache.lucene.index.IndexReader previous) {
                    return new IndexSearcher(reader, searchThreads);
                }
            });
        } catch (IOException | RuntimeException e) {
            searchThreads.shutdownNow();
            throw e;
        }
    }

    /**
     * Opens the committed index in {@code dir} for searching. Nothing in the folder is created, changed or
     * deleted (no IndexWriter, no lock file): reading a case must never repair it by throwing files away.
     *
     * @throws DamagedIndexException when the folder, its commit or a file the commit names is missing or broken
     */
    public static EventIndex openReadOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DamagedIndexException(dir, "the index folder " + dir + " is missing", null);
        }
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new DamagedIndexException(dir, "it has no commit (its segments_N file is missing)", null);
            }
            return new EventIndex(directory);
        } catch (IOException e) {
            directory.close();
            throw DamagedIndexException.isDamage(e) ? DamagedIndexException.of(dir, e) : e;
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Creates an empty index in {@code dir}, which must be missing or empty: never writes over files. */
    public static void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new java.nio.file.FileAlreadyExistsException(dir.toString(), null,
                        "not creating an index in a folder that holds files");
            }
        }
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            writer.commit();
        }
    }

    /** APPEND: a writer opened on a folder without a commit fails instead of starting an empty index there. */
    static IndexWriterConfig writerConfig() {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(Fields.ALL, Analyzers.freeText()));
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(16);
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(192)
                .setUseCompoundFile(false)
                .setMergePolicy(merges)
                .setCommitOnClose(false);
    }

    /** Opens the writer for an import; close it with {@link Writer#close()}. Only one at a time. */
    public Writer openWriter() throws IOException {
        return new Writer(new IndexWriter(directory, writerConfig()));
    }

    public IndexSearcher acquire() throws IOException {
        searchers.maybeRefresh();
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Runs {@code work} on the newest committed view, releasing the searcher whatever happens. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return work.apply(searcher);
        } finally {
            release(searcher);
        }
    }

    public long eventCount() throws IOException {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        searchThreads.shutdownNow();
        directory.close();
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The import side: thread-safe adds, explicit commits. Closing without commit drops uncommitted work. */
    public final class Writer implements Closeable {
        private final IndexWriter writer;

        private Writer(IndexWriter writer) {
            this.writer = writer;
        }

        /** Adds or replaces the event with this eventID: one document per event however often it is read. */
        public void add(ParsedEvent event, String fileId) throws IOException {
            writer.updateDocument(new Term(Fields.ID, event.eventId()), EventDocuments.build(event, fileId));
        }

        public void commit(Map<String, String> userData) throws IOException {
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
            searchers.maybeRefresh();
        }

        public long documentCount() {
            return writer.getDocStats().numDocs;
        }

        @Override
        public void close() throws IOException {
            writer.rollback(); // commits are explicit; anything after the last one is dropped
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

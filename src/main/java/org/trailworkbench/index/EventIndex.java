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
        this.searchers = new SearcherManager(directory, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                             org.apache.lucene.index.IndexReader previous) {
                return new IndexSearcher(reader, searchThreads);
            }
        });
    }

    /** Opens the index in {@code dir}, creating an empty one first if there is none. */
    public static EventIndex open(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        if (!DirectoryReader.indexExists(directory)) {
            try (IndexWriter writer = new IndexWriter(directory, writerConfig())) {
                writer.commit();
            }
        }
        return new EventIndex(directory);
    }

    static IndexWriterConfig writerConfig() {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(Fields.ALL, Analyzers.freeText()));
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(16);
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
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

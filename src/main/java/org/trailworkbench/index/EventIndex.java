package org.trailworkbench.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
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
    /** Views handed out by {@link #acquire()} and not yet released; guarded by this. */
    private int inUse;
    private boolean closed;
    /**
     * When {@link #acquire()} last looked for a commit made by another process (an import from the command
     * line into a case the window has open). Looking reads the commit point from disk, a few milliseconds a
     * search; once a second is soon enough for another process's work. This process's own commits refresh
     * at once ({@link Writer#commit}).
     */
    private volatile long lastLookNanos = System.nanoTime();
    private static final long LOOK_EVERY_NANOS = 1_000_000_000L;

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
            checkSchema(directory, dir);
            return new EventIndex(directory);
        } catch (IOException e) {
            directory.close();
            throw DamagedIndexException.isDamage(e) ? DamagedIndexException.of(dir, e) : e;
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** A case indexed under another schema would answer queries wrongly, without a word: refuse it. */
    private static void checkSchema(Directory directory, Path dir) throws IOException {
        // the commit point alone (segments_N): opening every segment here, and again for searching, took
        // seconds on a case of ten million events
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        String schema = commit.getUserData().get(Fields.SCHEMA_KEY);
        long events = 0;
        for (SegmentCommitInfo segment : commit) {
            events += segment.info.maxDoc() - segment.getDelCount() - segment.getSoftDelCount();
        }
        if (events > 0 && !Fields.SCHEMA_VERSION.equals(schema)) {
            throw new IOException("the case index at " + dir + " was built by another version of Trail Workbench"
                    + " (index schema " + (schema == null ? "1" : schema) + ", this version reads "
                    + Fields.SCHEMA_VERSION + "); rebuild it from its files with 'trail-workbench rebuild --case "
                    + dir.getParent() + "'");
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
            writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION).entrySet());
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

    /**
     * Opens the writer for an import; close it with {@link Writer#close()}. Only one at a time.
     *
     * @param expectedNewEvents about how many events the import may add, to size its duplicate filter
     */
    public Writer openWriter(long expectedNewEvents) throws IOException {
        IndexWriter writer = new IndexWriter(directory, writerConfig());
        try {
            return new Writer(writer, expectedNewEvents);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    /** A view of the index; give it back with {@link #release}. Fails once the index is closed. */
    public IndexSearcher acquire() throws IOException {
        ReadThreads.check();
        synchronized (this) {
            if (closed) {
                throw new org.apache.lucene.store.AlreadyClosedException("the case is closed");
            }
            inUse++;
        }
        try {
            long now = System.nanoTime();
            if (now - lastLookNanos >= LOOK_EVERY_NANOS) {
                lastLookNanos = now;
                searchers.maybeRefresh();
            }
            return searchers.acquire();
        } catch (IOException | RuntimeException e) {
            releaseUse();
            throw e;
        }
    }

    public void release(IndexSearcher searcher) throws IOException {
        try {
            searchers.release(searcher);
        } finally {
            releaseUse();
        }
    }

    /** The last view given back after {@link #close()} closes the files: a view in use keeps them open. */
    private void releaseUse() throws IOException {
        boolean last;
        synchronized (this) {
            last = --inUse == 0 && closed;
        }
        if (last) {
            directory.close();
        }
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

    /**
     * Closes the index. A view still held (a hit list the window is reading rows from) keeps the files open
     * until it is released: closing them under a reader would unmap memory it is reading.
     */
    @Override
    public void close() throws IOException {
        boolean idle;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            idle = inUse == 0;
        }
        searchers.close();
        searchThreads.shutdownNow();
        if (idle) {
            directory.close();
        }
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * The import side: thread-safe adds, explicit commits. Closing without commit drops uncommitted work.
     * Each eventID is stored once: an event already in the index (or added earlier in this import) replaces
     * the earlier document, so re-deliveries and re-imports never duplicate.
     */
    /** The leaf whose keyword term is the dedupe key (see {@link Writer}): never a repeated value's term. */
    static final String ID_LEAF = "eventID";

    public final class Writer implements Closeable {
        private static final int LOCK_STRIPES = 1024;
        /** How a keyword term of the eventID leaf ends, after its separator. */
        private static final byte[] ID_PATH = ID_LEAF.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        private final IndexWriter writer;
        private final SeenIds seen;
        /** Makes "check the filter, then add or update" one step per eventID across threads. */
        private final Object[] stripes = new Object[LOCK_STRIPES];
        private final ThreadLocal<EventDocuments> documents = ThreadLocal.withInitial(EventDocuments::new);

        private Writer(IndexWriter writer, long expectedNewEvents) throws IOException {
            this.writer = writer;
            for (int i = 0; i < stripes.length; i++) {
                stripes[i] = new Object();
            }
            long existing = writer.getDocStats().numDocs;
            this.seen = new SeenIds(existing + expectedNewEvents);
            if (existing > 0) {
                rememberIndexedIds();
            }
        }

        /** The ids already committed, so that importing them again replaces instead of duplicating. */
        private void rememberIndexedIds() throws IOException {
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                for (var leaf : reader.leaves()) {
                    forEachTerm(leaf.reader().terms(Fields.ID), null);
                    forEachTerm(leaf.reader().terms(Fields.KEYWORDS), ID_PATH);
                }
            }
        }

        /** Remembers the terms, or only those of keyword path {@code path} when it is given. */
        private void forEachTerm(org.apache.lucene.index.Terms terms, byte[] path) throws IOException {
            if (terms == null) {
                return;
            }
            org.apache.lucene.index.TermsEnum it = terms.iterator();
            for (org.apache.lucene.util.BytesRef term = it.next(); term != null; term = it.next()) {
                if (path == null || hasPath(term, path)) {
                    seen.addAndCheck(term);
                }
            }
        }

        /** Whether the term's path is {@code path}: the path preceded by a separator ends the term. */
        private static boolean hasPath(org.apache.lucene.util.BytesRef term, byte[] path) {
            int at = term.offset + term.length - path.length;
            if (term.length <= path.length || !Keywords.isSeparator(term.bytes[at - 1])) {
                return false;
            }
            return java.util.Arrays.equals(term.bytes, at, at + path.length, path, 0, path.length);
        }

        /**
         * Adds the event, or replaces the one with its eventID. An event whose eventID is a leaf of the record
         * is identified by that leaf's keyword term, so it costs no term of its own; one whose id is a hash of
         * its content (an export that lost eventID) by a {@link Fields#ID} term.
         */
        public void add(ParsedEvent event, String fileId) throws IOException {
            String id = event.eventId();
            boolean ownId = id.length() <= Fields.MAX_KEYWORD_CHARS && id.equals(event.first(ID_LEAF));
            var doc = documents.get().build(event, fileId, ownId);
            Term key = ownId ? Keywords.term(ID_LEAF, id) : new Term(Fields.ID, id);
            synchronized (stripes[(key.bytes().hashCode() & 0x7fffffff) % LOCK_STRIPES]) {
                if (seen.addAndCheck(key.bytes())) {
                    writer.updateDocument(key, doc);
                } else {
                    writer.addDocument(doc);
                }
            }
        }

        public void commit(Map<String, String> userData) throws IOException {
            Map<String, String> data = new java.util.HashMap<>(userData);
            data.put(Fields.SCHEMA_KEY, Fields.SCHEMA_VERSION);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefresh();
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

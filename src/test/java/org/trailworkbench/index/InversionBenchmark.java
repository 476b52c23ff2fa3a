package org.trailworkbench.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.CloudTrailReader;
import org.trailworkbench.ingest.ParsedEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Would an indexing path of our own beat Lucene's? The question behind "our own segment writer fed through
 * {@code addIndexes}": this times, on the same documents held in memory and warm, the parts of an add that
 * such a writer would replace, against the plainest inverter that could replace them. {@link EventDocuments}
 * reuses its token streams from record to record, so each document held is detached first: its tokens
 * copied into a stream of its own ({@link #detached}).
 *
 * <p>The steps before, for the whole budget of a record: gunzip (the log files' bytes already in memory) and
 * read (gunzip, then {@link CloudTrailReader} parsing and flattening each record).
 *
 * <ul>
 *   <li>build: {@link EventDocuments#build} alone (what both paths need);</li>
 *   <li>Lucene, whole documents: {@code addDocument} with a RAM buffer that never flushes;</li>
 *   <li>Lucene, inverted fields only: the same without stored fields, doc values and points;</li>
 *   <li>plain inverter: the same terms, from the same token streams, into an open-addressing table per field
 *       that keeps each term's hash beside its id (a probe compares bytes only on equal hashes), postings as
 *       (term, doc) pairs appended to one array. It does less than Lucene (no postings encoding, and a
 *       segment would still need those pairs sorted), so it bounds what a writer of our own could win.</li>
 * </ul>
 *
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench.class=org.trailworkbench.index.InversionBenchmark \
 *     -Dbench.events=40000 -Dbench.heap=4g -Dbench.runs=12</pre>
 */
public final class InversionBenchmark {

    private static final String STEPS = "gunzip %.2f; read (gunzip and parse) %.2f; build %.2f; Lucene, whole documents"
            + " %.2f; Lucene, inverted fields only %.2f; plain inverter %.2f";

    private static final String FILE_ID = "s3://bucket/AWSLogs/file.json.gz";

    private InversionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = Integer.parseInt(arg(args, "--events", "40000"));
        Path corpus = Path.of(arg(args, "--work", "target/bench")).resolve("corpus-inversion-" + events);
        int runs = Integer.getInteger("bench.runs", 12);
        if (!Files.exists(corpus.resolve(".complete"))) {
            new TrailGenerator(TrailSpec.benchmark(events)).generate(corpus);
            Files.writeString(corpus.resolve(".complete"), "");
        }
        List<byte[]> files = logFiles(corpus, events);
        System.out.printf("%d runs over the first %,d records of %s, microseconds per record:%n", runs, events, corpus);
        double[] best = new double[6];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            long bytes = 0;
            for (byte[] file : files) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file), 1 << 16)) {
                    bytes += in.transferTo(OutputStream.nullOutputStream());
                }
            }
            double gunzipNanos = System.nanoTime() - t0;
            t0 = System.nanoTime();
            List<ParsedEvent> read = read(files);
            double readNanos = System.nanoTime() - t0;
            if (bytes == 0 || read.isEmpty()) {
                throw new IllegalStateException("no records in " + corpus);
            }
            EventDocuments builder = new EventDocuments();
            t0 = System.nanoTime();
            for (ParsedEvent event : read) {
                builder.build(event, FILE_ID, true);
            }
            double buildNanos = System.nanoTime() - t0;
            List<Document> docs = new ArrayList<>(read.size());
            for (ParsedEvent event : read) {
                docs.add(detached(builder.build(event, FILE_ID, true)));
            }
            double[] perDoc = {
                    gunzipNanos / 1e3 / docs.size(),
                    readNanos / 1e3 / docs.size(),
                    buildNanos / 1e3 / docs.size(),
                    luceneAdd(docs, false) / 1e3 / docs.size(),
                    luceneAdd(docs, true) / 1e3 / docs.size(),
                    plainInversion(docs) / 1e3 / docs.size()};
            for (int i = 0; i < best.length; i++) {
                best[i] = Math.min(best[i], perDoc[i]);
            }
            System.out.printf("run %2d: " + STEPS + "%n", run, perDoc[0], perDoc[1], perDoc[2], perDoc[3], perDoc[4],
                    perDoc[5]);
        }
        System.out.printf("best:   " + STEPS + "%n", best[0], best[1], best[2], best[3], best[4], best[5]);
    }

    /** The bytes of the first log files, as stored, up to about {@code records} records. */
    private static List<byte[]> logFiles(Path corpus, int records) throws IOException {
        List<Path> paths;
        try (var walk = Files.walk(corpus)) {
            paths = walk.filter(f -> f.toString().contains("/CloudTrail/") && f.toString().endsWith(".json.gz"))
                    .sorted().toList();
        }
        List<byte[]> files = new ArrayList<>();
        CloudTrailReader reader = new CloudTrailReader();
        int[] seen = {0};
        for (Path path : paths) {
            if (seen[0] >= records) {
                break;
            }
            byte[] file = Files.readAllBytes(path);
            reader.read(new ByteArrayInputStream(file), event -> seen[0]++);
            files.add(file);
        }
        return files;
    }

    private static List<ParsedEvent> read(List<byte[]> files) throws IOException {
        List<ParsedEvent> events = new ArrayList<>();
        CloudTrailReader reader = new CloudTrailReader();
        for (byte[] file : files) {
            reader.read(new ByteArrayInputStream(file), events::add);
        }
        return events;
    }

    /** The document with each token stream replaced by a copy of its tokens, terms as bytes. */
    private static Document detached(Document built) throws IOException {
        Document doc = new Document();
        for (IndexableField indexable : built) {
            if (!(indexable instanceof Field field) || field.tokenStreamValue() == null) {
                doc.add(indexable);
                continue;
            }
            List<BytesRef> terms = new ArrayList<>();
            List<Integer> increments = new ArrayList<>();
            try (TokenStream tokens = field.tokenStreamValue()) {
                TermToBytesRefAttribute term = tokens.getAttribute(TermToBytesRefAttribute.class);
                PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    terms.add(BytesRef.deepCopyOf(term.getBytesRef()));
                    increments.add(increment.getPositionIncrement());
                }
                tokens.end();
            }
            doc.add(new Field(field.name(), new Replay(terms, increments), (FieldType) field.fieldType()));
        }
        return doc;
    }

    /** Tokens copied out of a stream, played back. */
    private static final class Replay extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<BytesRef> terms;
        private final List<Integer> increments;
        private int next;

        Replay(List<BytesRef> terms, List<Integer> increments) {
            this.terms = terms;
            this.increments = increments;
        }

        @Override
        public boolean incrementToken() {
            if (next == terms.size()) {
                return false;
            }
            clearAttributes();
            term.setBytesRef(terms.get(next));
            increment.setPositionIncrement(increments.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** Nanoseconds to add every document to a writer that never flushes; rolled back afterwards. */
    private static long luceneAdd(List<Document> docs, boolean invertedOnly) throws IOException {
        IndexWriterConfig config = EventIndex.writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_PER_THREAD_HARD_LIMIT_MB - 1);
        try (IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(), config)) {
            long t0 = System.nanoTime();
            for (Document doc : docs) {
                writer.addDocument(invertedOnly ? invertedFields(doc) : doc);
            }
            long nanos = System.nanoTime() - t0;
            writer.rollback();
            return nanos;
        }
    }

    private static Document invertedFields(Document doc) {
        Document inverted = new Document();
        for (IndexableField field : doc) {
            if (field.fieldType().indexOptions() != IndexOptions.NONE) {
                inverted.add(field);
            }
        }
        return inverted;
    }

    /** Nanoseconds for the plain inverter to take every term of every inverted field. */
    private static long plainInversion(List<Document> docs) throws IOException {
        long t0 = System.nanoTime();
        Map<String, TermTable> fields = new HashMap<>();
        for (int doc = 0; doc < docs.size(); doc++) {
            for (IndexableField field : docs.get(doc)) {
                if (field.fieldType().indexOptions() == IndexOptions.NONE) {
                    continue;
                }
                TermTable table = fields.computeIfAbsent(field.name(), name -> new TermTable());
                try (TokenStream tokens = field.tokenStream(null, null)) {
                    TermToBytesRefAttribute term = tokens.getAttribute(TermToBytesRefAttribute.class);
                    tokens.reset();
                    while (tokens.incrementToken()) {
                        table.add(term.getBytesRef(), doc);
                    }
                    tokens.end();
                }
            }
        }
        long nanos = System.nanoTime() - t0;
        if (fields.values().stream().mapToLong(t -> t.postingsEnd).sum() == 0) {
            throw new IllegalStateException("the plain inverter saw no terms");
        }
        return nanos;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Terms of one field: ids by open addressing, each slot holding the term's hash next to its id. */
    private static final class TermTable {
        private int[] slots = filled(1 << 16);
        private int[] hashes = new int[1 << 16];
        private int size;
        private byte[] bytes = new byte[1 << 20];
        private int bytesEnd;
        private int[] start = new int[1 << 15];
        private int[] length = new int[1 << 15];
        private int[] lastDoc = new int[1 << 15];
        private int[] postings = new int[1 << 20];
        private int postingsEnd;

        void add(BytesRef term, int doc) {
            int hash = StringHelper.murmurhash3_x86_32(term, 0);
            int mask = slots.length - 1;
            for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
                int id = slots[slot];
                if (id < 0) {
                    post(insert(term, hash, slot), doc);
                    return;
                }
                if (hashes[slot] == hash && length[id] == term.length && Arrays.equals(bytes, start[id],
                        start[id] + term.length, term.bytes, term.offset, term.offset + term.length)) {
                    post(id, doc);
                    return;
                }
            }
        }

        private int insert(BytesRef term, int hash, int slot) {
            int id = size++;
            if (id == start.length) {
                start = Arrays.copyOf(start, id * 2);
                length = Arrays.copyOf(length, id * 2);
                lastDoc = Arrays.copyOf(lastDoc, id * 2);
            }
            if (bytesEnd + term.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, bytesEnd + term.length));
            }
            System.arraycopy(term.bytes, term.offset, bytes, bytesEnd, term.length);
            start[id] = bytesEnd;
            length[id] = term.length;
            lastDoc[id] = -1;
            bytesEnd += term.length;
            slots[slot] = id;
            hashes[slot] = hash;
            if (size * 2 > slots.length) {
                grow();
            }
            return id;
        }

        private void post(int id, int doc) {
            if (lastDoc[id] == doc) {
                return;
            }
            if (postingsEnd + 2 > postings.length) {
                postings = Arrays.copyOf(postings, postings.length * 2);
            }
            postings[postingsEnd++] = id;
            postings[postingsEnd++] = doc;
            lastDoc[id] = doc;
        }

        private void grow() {
            int[] newSlots = filled(slots.length * 2);
            int[] newHashes = new int[newSlots.length];
            int mask = newSlots.length - 1;
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] >= 0) {
                    int slot = hashes[i] & mask;
                    while (newSlots[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    newSlots[slot] = slots[i];
                    newHashes[slot] = hashes[i];
                }
            }
            slots = newSlots;
            hashes = newHashes;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }
    }
}

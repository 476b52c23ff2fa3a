package org.trailworkbench.export;

import org.trailworkbench.files.AtomicFiles;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.task.Cancellation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes exactly the events a {@link SearchRequest} selects (query, time range, filters, sort order) as
 * CSV, one page of hits at a time, so memory stays flat however many events there are. Shared by the CLI
 * and the UI; it knows nothing of either.
 */
public final class CsvExport {

    /** Rows between progress reports. */
    static final int PROGRESS_EVERY = 1000;

    private final EventSearch search;

    public CsvExport(EventSearch search) {
        this.search = search;
    }

    /**
     * Exports to {@code target}, replacing it only once the export is complete: the rows go to a hidden
     * file beside it that is renamed at the end, so a cancelled or failed export leaves no half file under
     * the final name (and an earlier file of that name untouched).
     */
    public ExportResult toFile(SearchRequest request, Path target, ExportOptions options, ExportListener listener,
                               Cancellation cancel) throws IOException, QuerySyntaxException {
        SearchService.validate(request.query());
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(String.valueOf(folder), null, "the folder to export into does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder; give a file name for the export");
        }
        Path temp = AtomicFiles.partBeside(file);
        boolean moved = false;
        try {
            ExportResult result;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                         StandardCharsets.UTF_8), 1 << 16)) {
                result = toWriter(request, out, options, listener, cancel);
                out.flush();
                if (!result.cancelled()) {
                    channel.force(true);
                }
            }
            if (result.cancelled()) {
                return result;
            }
            AtomicFiles.replace(temp, file);
            moved = true;
            return new ExportResult(file, result.columns(), result.rows(), result.total(), false, result.elapsed());
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Exports to a stream (standard output, a socket); the caller owns {@code out} and closes it. A cancelled
     * export stops after the row it was on, leaving what was written in the stream.
     */
    public ExportResult toWriter(SearchRequest request, Writer out, ExportOptions options, ExportListener listener,
                                 Cancellation cancel) throws IOException, QuerySyntaxException {
        long started = System.nanoTime();
        JsonPaths paths = JsonPaths.of(options.columns());
        CsvWriter csv = new CsvWriter(out, !options.rawFormulas());
        if (options.utf8Bom()) {
            out.write('\uFEFF');
        }
        csv.writeRow(paths.paths());
        long[] rows = {0};
        long[] total = {0};
        SameTime group = new SameTime(hit -> {
            csv.writeRow(paths.extract(hit.json()));
            if (++rows[0] % PROGRESS_EVERY == 0) {
                listener.progress(rows[0], total[0]);
            }
        });
        boolean finished = search.scan(request, new SearchService.HitVisitor() {
            @Override
            public void total(long hits) {
                total[0] = hits;
                listener.progress(0, hits);
            }

            @Override
            public void hit(EventHit hit) throws IOException {
                group.add(hit);
            }
        }, cancel);
        group.flush();
        listener.progress(rows[0], total[0]);
        csv.flush();
        return new ExportResult(null, paths.paths(), rows[0], total[0], !finished,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Writes one row. */
    private interface RowWriter {
        void write(EventHit hit) throws IOException;
    }

    /**
     * Holds the events of one millisecond and writes them in eventID order. The search gives such events in
     * the order the import stored them, which two imports of the same files (in parallel threads) or a
     * cluster need not share; in eventID order, an export of the same events is the same file, byte for
     * byte, whichever case it came from. More than {@link #MAX} events of one millisecond (or without a
     * time) are written a group at a time, so memory stays bounded.
     */
    private static final class SameTime {
        static final int MAX = 10_000;
        private static final JsonPaths EVENT_ID = JsonPaths.of("eventID");
        private static final Comparator<Keyed> ORDER = Comparator.comparing(Keyed::eventId)
                .thenComparing(k -> k.hit().json());

        private final RowWriter rows;
        private final List<EventHit> hits = new ArrayList<>();

        SameTime(RowWriter rows) {
            this.rows = rows;
        }

        void add(EventHit hit) throws IOException {
            if (!hits.isEmpty() && (hits.get(0).time() != hit.time() || hits.size() == MAX)) {
                flush();
            }
            hits.add(hit);
        }

        void flush() throws IOException {
            if (hits.size() == 1) {
                rows.write(hits.get(0));
            } else if (!hits.isEmpty()) {
                List<Keyed> keyed = new ArrayList<>(hits.size());
                for (EventHit hit : hits) {
                    keyed.add(new Keyed(EVENT_ID.extract(hit.json())[0], hit));
                }
                keyed.sort(ORDER);
                for (Keyed k : keyed) {
                    rows.write(k.hit());
                }
            }
            hits.clear();
        }

        private record Keyed(String eventId, EventHit hit) {
        }
    }
}

package org.trailworkbench.ui.table;

import javafx.application.Platform;
import javafx.collections.ObservableListBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.search.RowSource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The table's items: as many rows as there are hits, loaded a page at a time when the table first asks
 * for one of their rows. The table only asks for what it shows, so a million hits cost a few pages of
 * memory. Pages asked for last load first (scrolling fast, the user is where they are now, not where they
 * were), and a bounded set of pages is kept.
 */
public final class LazyRows extends ObservableListBase<EventRow> {

    private static final Logger LOG = LoggerFactory.getLogger(LazyRows.class);
    public static final int PAGE = 100;
    private static final int KEEP_PAGES = 80;
    private static final int MAX_WAITING = 12;
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-rows");
        t.setDaemon(true);
        return t;
    });

    private final int size;
    private final Map<Integer, EventRow[]> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, EventRow[]> eldest) {
            return size() > KEEP_PAGES;
        }
    };
    /** Pages wanted but not yet loaded; touched on the FX thread only. */
    private final Deque<Integer> waiting = new ArrayDeque<>();
    private final Set<Integer> loading = new HashSet<>();
    private RowSource source;
    private volatile boolean closed;

    /** @param firstPage the hits that came with the search, so the top of the table shows at once */
    public LazyRows(long total, List<EventHit> firstPage) {
        this.size = (int) Math.min(Integer.MAX_VALUE - 8, total);
        if (!firstPage.isEmpty()) {
            EventRow[] rows = new EventRow[Math.min(PAGE, size)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new EventRow(i, i < firstPage.size() ? firstPage.get(i) : null);
            }
            pages.put(0, rows);
            if (firstPage.size() < rows.length) {
                waiting.push(0);
            }
        }
    }

    /** The full list arrived: rows beyond the first page can load now. */
    public void attach(RowSource list) {
        source = list;
        pump();
    }

    /** Stops loading; a replaced list must not keep the loader busy. */
    public void close() {
        closed = true;
        waiting.clear();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        EventRow[] rows = pages.get(page);
        if (rows == null) {
            rows = new EventRow[Math.min(PAGE, size - page * PAGE)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new EventRow(page * PAGE + i, null);
            }
            pages.put(page, rows);
            want(page);
        }
        return rows[index - page * PAGE];
    }

    private void want(int page) {
        waiting.remove(page);
        waiting.push(page);
        while (waiting.size() > MAX_WAITING) {
            Integer dropped = waiting.removeLast();
            pages.remove(dropped); // asked for again if the table comes back to it
        }
        pump();
    }

    private void pump() {
        if (source == null || closed) {
            return;
        }
        while (!waiting.isEmpty() && loading.size() < 2) {
            int page = waiting.pop();
            EventRow[] rows = pages.get(page);
            if (rows == null) {
                continue;
            }
            loading.add(page);
            RowSource from = source;
            LOADER.execute(() -> {
                List<EventHit> hits;
                try {
                    hits = closed ? List.of() : from.load(page * PAGE, rows.length);
                } catch (Exception e) {
                    if (closed) {
                        LOG.debug("rows {} of a replaced hit list not loaded", page * PAGE, e); // a newer one is coming
                    } else {
                        LOG.warn("rows {} to {} could not be loaded; they stay empty", page * PAGE,
                                page * PAGE + rows.length - 1, e);
                    }
                    hits = List.of();
                }
                List<EventHit> loaded = hits;
                Platform.runLater(() -> {
                    loading.remove(page);
                    for (int i = 0; i < loaded.size() && i < rows.length; i++) {
                        rows[i].load(loaded.get(i));
                    }
                    pump();
                });
            });
        }
    }
}

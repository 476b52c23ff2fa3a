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
 * The table's items: a window of at most {@code window} consecutive hits out of all of them, each row
 * loaded a page at a time when the table first asks for it. The table only asks for what it shows, so
 * millions of hits cost a few pages of memory. Pages asked for last load first (scrolling fast, the user
 * is where they are now, not where they were), and a bounded set of pages is kept.
 *
 * <p>Why a window: JavaFX 21's VirtualFlow walks every row above the scroll position on each layout, so a
 * table of ten million items stalls for hundreds of milliseconds per scroll step near its end.
 * {@link RowWindow} moves the window as the user scrolls; pages are keyed by the hit's position among all
 * hits, so moving the window keeps what is loaded.
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

    /** Stands in the list change for rows that left the window unloaded: nothing reads them. */
    private static final EventRow NOT_HELD = new EventRow(-1, null);

    private final int total;
    private final int size;
    private int offset;
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

    /**
     * @param firstPage the hits that came with the search, so the top of the table shows at once
     * @param window    the most rows the table holds as items at once
     */
    public LazyRows(long total, List<EventHit> firstPage, int window) {
        this.total = (int) Math.min(Integer.MAX_VALUE - 8, total);
        this.size = Math.min(this.total, Math.max(1, window));
        if (!firstPage.isEmpty()) {
            EventRow[] rows = new EventRow[Math.min(PAGE, this.total)];
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

    /** The number of rows in the window: the table's item count. */
    @Override
    public int size() {
        return size;
    }

    /** The number of hits, of which the window shows {@link #size()}. */
    public int total() {
        return total;
    }

    /** The position among all hits of the window's first row. */
    public int offset() {
        return offset;
    }

    /** Whether the window holds fewer rows than there are hits. */
    public boolean windowed() {
        return size < total;
    }

    /**
     * Moves the window so that it starts at hit {@code start} (clipped): every item is replaced, which
     * clears the table's selection; {@link RowWindow} restores it.
     */
    public void moveTo(int start) {
        int next = Math.max(0, Math.min(total - size, start));
        if (next == offset) {
            return;
        }
        int previous = offset;
        offset = next;
        beginChange();
        nextReplace(0, size, new java.util.AbstractList<EventRow>() {
            @Override
            public EventRow get(int index) {
                return held(previous + index); // what left the window: no reason to load it
            }

            @Override
            public int size() {
                return size;
            }
        });
        endChange();
    }

    /** The item at {@code index} in the window. */
    @Override
    public EventRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return row(offset + index);
    }

    /** The row of hit {@code position} if its page is held, else a shared stand-in; loads nothing. */
    private EventRow held(int position) {
        EventRow[] rows = pages.get(position / PAGE);
        return rows != null ? rows[position % PAGE] : NOT_HELD;
    }

    /** The row of hit {@code position} among all hits, wherever the window is; loaded if it is not yet. */
    public EventRow row(int position) {
        if (position < 0 || position >= total) {
            throw new IndexOutOfBoundsException(position);
        }
        int page = position / PAGE;
        EventRow[] rows = pages.get(page);
        if (rows == null) {
            rows = new EventRow[Math.min(PAGE, total - page * PAGE)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new EventRow(page * PAGE + i, null);
            }
            pages.put(page, rows);
            want(page);
        }
        return rows[position - page * PAGE];
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

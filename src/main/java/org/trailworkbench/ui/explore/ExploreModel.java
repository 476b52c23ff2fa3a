package org.trailworkbench.ui.explore;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.EventSearch;
import org.trailworkbench.search.RowSource;
import org.trailworkbench.search.QuerySyntaxException;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.search.SortOrder;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.LatestOnly;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the analyst is looking at: the query, time range, filters, split and sort order (inputs, set on
 * the FX thread) and the answer (outputs). Every change of an input runs the search again in the
 * background; only the newest search's answer is shown, and a newer one cancels the row scan of an older.
 */
public final class ExploreModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExploreModel.class);

    /** Values listed per facet: enough for the filter box to find a principal among hundreds. */
    public static final int FACET_VALUES = 300;
    /** Rows that arrive with the search itself; the rest come from the hit list, page by page. */
    public static final int FIRST_PAGE = 100;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.ALL);
    private final ObjectProperty<Map<String, FacetFilter>> filters = new SimpleObjectProperty<>(Map.of());
    private final StringProperty splitBy = new SimpleStringProperty();
    private final ObjectProperty<SortOrder> sort = new SimpleObjectProperty<>(SortOrder.NEWEST_FIRST);
    private final Deque<TimeRange> zoomBack = new ArrayDeque<>();
    private final BooleanProperty canZoomBack = new SimpleBooleanProperty();

    private final ObjectProperty<SearchRequest> shownRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<SearchResponse> response = new SimpleObjectProperty<>();
    private final ObjectProperty<RowSource> hitList = new SimpleObjectProperty<>();
    private final StringProperty queryError = new SimpleStringProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final ObjectProperty<SearchService.CaseStats> caseStats = new SimpleObjectProperty<>();
    private final ObjectProperty<Case> openCase = new SimpleObjectProperty<>();
    private final ObjectProperty<EventSearch> events = new SimpleObjectProperty<>();
    private final StringProperty caseName = new SimpleStringProperty();

    private final LatestOnly searches = new LatestOnly("workbench-search");
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Cancellation> inFlight = new AtomicReference<>(new Cancellation());

    /** Shows a local case: its events, and the case itself for the views that need its folder. */
    public void setCase(Case c) {
        show(c == null ? null : c.search(), c, c == null ? null : c.dir().toString());
    }

    /**
     * Shows events that have no case folder (a remote case): the views that need one see no case.
     *
     * @param name what the title and status bar call them, e.g. the URL (never a password)
     */
    public void setEvents(EventSearch search, String name) {
        show(search, null, name);
    }

    private void show(EventSearch search, Case local, String name) {
        events.set(search);
        openCase.set(local);
        caseName.set(name);
        range.set(TimeRange.ALL);
        zoomBack.clear();
        canZoomBack.set(false);
        filters.set(Map.of());
        replaceHitList(null);
        response.set(null);
        run();
    }

    /** The local case on screen; null when none is open or the events on screen are remote. */
    public ReadOnlyObjectProperty<Case> caseProperty() {
        return openCase;
    }

    /** The events on screen, local or remote. */
    public ReadOnlyObjectProperty<EventSearch> eventsProperty() {
        return events;
    }

    /** Where the events on screen live: a case folder or a remote case's URL. */
    public ReadOnlyStringProperty caseNameProperty() {
        return caseName;
    }

    /** The request the inputs describe now. */
    public SearchRequest request() {
        return SearchRequest.of(query.get()).withRange(range.get()).withFilters(filters.get()).withSort(sort.get())
                .withPage(FIRST_PAGE, null).withFacets(FACET_VALUES).withTimeline(true, splitBy.get());
    }

    /** Runs the query text the user entered, with the current range and filters. */
    public void runQuery(String text) {
        query.set(text == null ? "" : text.strip());
        run();
    }

    public void run() {
        EventSearch source = events.get();
        if (source == null) {
            return;
        }
        SearchRequest request = request();
        long ticket = generation.incrementAndGet();
        Cancellation cancel = new Cancellation();
        inFlight.getAndSet(cancel).cancel();
        searching.set(true);
        searches.submit(() -> search(source, request, ticket, cancel));
    }

    private void search(EventSearch source, SearchRequest request, long ticket, Cancellation cancel) {
        if (cancel.isCancelled()) {
            return;
        }
        SearchResponse answer;
        SearchService.CaseStats stats;
        try {
            answer = source.search(request);
            stats = source.stats();
        } catch (QuerySyntaxException e) {
            Platform.runLater(() -> whenCurrent(ticket, () -> {
                queryError.set(e.getMessage());
                searching.set(false);
            }));
            return;
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> whenCurrent(ticket, () -> {
                failure.set(e);
                searching.set(false);
            }));
            return;
        }
        Platform.runLater(() -> whenCurrent(ticket, () -> {
            queryError.set(null);
            caseStats.set(stats);
            replaceHitList(null);
            shownRequest.set(request);
            response.set(answer);
        }));
        try {
            RowSource list = source.rows(request, cancel); // locally a HitList, as before
            Platform.runLater(() -> {
                if (ticket == generation.get() && !cancel.isCancelled()) {
                    replaceHitList(list);
                    searching.set(false);
                } else {
                    closeQuietly(list);
                }
            });
        } catch (CancellationException e) {
            // a newer search took over
        } catch (IOException | QuerySyntaxException | RuntimeException e) {
            Platform.runLater(() -> whenCurrent(ticket, () -> {
                failure.set(e);
                searching.set(false);
            }));
        }
    }

    private void whenCurrent(long ticket, Runnable update) {
        if (ticket == generation.get()) {
            update.run();
        }
    }

    private void replaceHitList(RowSource list) {
        RowSource old = hitList.get();
        hitList.set(list);
        if (old != null && old != list) {
            closeQuietly(old);
        }
    }

    private static void closeQuietly(RowSource list) {
        try {
            list.close();
        } catch (IOException e) {
            LOG.debug("releasing a hit list failed", e); // releasing a reader view cannot lose anything
        }
    }

    /** A mistake in what the user typed outside the query (a time), shown where query errors are. */
    public void reportInputError(String message) {
        queryError.set(message);
    }

    // ---- filters

    public void include(String field, String value) {
        setFilter(field, current(field).including(value));
    }

    public void exclude(String field, String value) {
        setFilter(field, current(field).excluding(value));
    }

    public void removeFilter(String field, String value) {
        setFilter(field, current(field).without(value));
    }

    public void clearFilters() {
        filters.set(Map.of());
        run();
    }

    private FacetFilter current(String field) {
        return filters.get().getOrDefault(field, FacetFilter.NONE);
    }

    private void setFilter(String field, FacetFilter filter) {
        var next = new LinkedHashMap<>(filters.get());
        if (filter.isEmpty()) {
            next.remove(field);
        } else {
            next.put(field, filter);
        }
        filters.set(Map.copyOf(next));
        run();
    }

    // ---- time

    /** A range chosen in the range bar: a fresh start, no way back. */
    public void setRange(TimeRange r) {
        zoomBack.clear();
        canZoomBack.set(false);
        range.set(r);
        run();
    }

    /** A range dragged on the timeline: remembered, so that {@link #zoomBack()} returns to where it was. */
    public void zoomTo(TimeRange r) {
        zoomBack.push(range.get());
        canZoomBack.set(true);
        range.set(r);
        run();
    }

    public void zoomBack() {
        if (!zoomBack.isEmpty()) {
            range.set(zoomBack.pop());
            canZoomBack.set(!zoomBack.isEmpty());
            run();
        }
    }

    public void setSplitBy(String field) {
        splitBy.set(field);
        run();
    }

    public void setSort(SortOrder order) {
        sort.set(order);
        run();
    }

    public void shutdown() {
        inFlight.get().cancel();
        searches.shutdown();
        replaceHitList(null);
    }

    // ---- properties

    public ReadOnlyStringProperty queryProperty() {
        return query;
    }

    public ReadOnlyObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public ReadOnlyObjectProperty<Map<String, FacetFilter>> filtersProperty() {
        return filters;
    }

    public ReadOnlyStringProperty splitByProperty() {
        return splitBy;
    }

    public ReadOnlyObjectProperty<SortOrder> sortProperty() {
        return sort;
    }

    public ReadOnlyBooleanProperty canZoomBackProperty() {
        return canZoomBack;
    }

    /** The request whose answer is on screen: what an export writes. */
    public ReadOnlyObjectProperty<SearchRequest> shownRequestProperty() {
        return shownRequest;
    }

    public ReadOnlyObjectProperty<SearchResponse> responseProperty() {
        return response;
    }

    public ReadOnlyObjectProperty<RowSource> hitListProperty() {
        return hitList;
    }

    public ReadOnlyStringProperty queryErrorProperty() {
        return queryError;
    }

    public ObjectProperty<Throwable> failureProperty() {
        return failure;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    /** Events in the case and the time they span, as of the last search. */
    public ReadOnlyObjectProperty<SearchService.CaseStats> caseStatsProperty() {
        return caseStats;
    }
}

package org.trailworkbench.ui.explore;

import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.trailworkbench.search.SortOrder;
import org.trailworkbench.ui.detail.DetailPane;
import org.trailworkbench.ui.facets.FacetSidebar;
import org.trailworkbench.ui.filters.FilterChips;
import org.trailworkbench.ui.query.QueryBar;
import org.trailworkbench.ui.query.QueryHistory;
import org.trailworkbench.ui.table.ColumnChooser;
import org.trailworkbench.ui.table.EventTable;
import org.trailworkbench.ui.theme.Icons;
import org.trailworkbench.ui.time.TimeDisplay;
import org.trailworkbench.ui.time.TimeRangeBar;
import org.trailworkbench.ui.timeline.TimelineView;

import java.util.List;

/**
 * The Explore view, Discover-style: query and time range on top, filters as chips, facets on the left,
 * the timeline over the event table, the selected event below.
 */
public final class ExploreView extends BorderPane {

    private final QueryBar queryBar;
    private final TimeRangeBar timeRange;
    private final FacetSidebar facets;
    private final TimelineView timeline;
    private final EventTable table;
    private final DetailPane detail;
    private final ColumnChooser columnChooser;
    private final Button columnsButton;
    private final SplitPane body;
    private final SplitPane results;

    public ExploreView(ExploreModel model, TimeDisplay time, Icons icons, QueryHistory history,
                       ObservableList<String> fieldPaths, List<String> columns, Runnable export) {
        getStyleClass().add("explore");
        queryBar = new QueryBar(model, history, fieldPaths, icons);
        HBox.setHgrow(queryBar, Priority.ALWAYS);
        timeRange = new TimeRangeBar(model, time, icons);
        HBox top = new HBox(12, queryBar, timeRange);
        top.getStyleClass().add("explore-top");
        top.setAlignment(Pos.TOP_LEFT);
        FilterChips chips = new FilterChips(model, icons);
        VBox header = new VBox(8, top, chips);
        header.getStyleClass().add("explore-header");

        facets = new FacetSidebar(model, icons);
        timeline = new TimelineView(model, time, icons);
        table = new EventTable(model, time, columns);
        detail = new DetailPane(model, time, icons);
        table.selectedRowProperty().addListener((obs, old, row) -> detail.showRow(row));
        columnChooser = new ColumnChooser(table, fieldPaths);

        Label count = new Label();
        count.getStyleClass().add("card-title");
        count.setId("table-count");
        model.responseProperty().addListener((obs, o, r) -> count.setText(r == null ? "" : String.format("%,d events", r.total())));
        Button sort = new Button("Newest first", icons.view("sort"));
        sort.setId("sort-order");
        sort.getStyleClass().add("flat");
        sort.setTooltip(new Tooltip("Switch between newest first and oldest first"));
        sort.setOnAction(e -> model.setSort(model.sortProperty().get() == SortOrder.NEWEST_FIRST
                ? SortOrder.OLDEST_FIRST : SortOrder.NEWEST_FIRST));
        model.sortProperty().addListener((obs, o, s) -> sort.setText(s == SortOrder.NEWEST_FIRST ? "Newest first" : "Oldest first"));
        columnsButton = new Button("Columns", icons.view("columns"));
        columnsButton.setId("columns-button");
        columnsButton.getStyleClass().add("flat");
        columnsButton.setTooltip(new Tooltip("Choose the columns: any field path"));
        columnsButton.setOnAction(e -> columnChooser.show(columnsButton));
        Button exportButton = new Button("Export CSV", icons.view("export"));
        exportButton.setId("export-button");
        exportButton.getStyleClass().add("flat");
        exportButton.setTooltip(new Tooltip("Export these events as CSV (Ctrl+E)"));
        exportButton.setOnAction(e -> export.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tableHeader = new HBox(8, count, spacer, sort, columnsButton, exportButton);
        tableHeader.setAlignment(Pos.CENTER_LEFT);
        HBox tableAndBar = new HBox(table, table.scrollBar());
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox.setMargin(table.scrollBar(), new javafx.geometry.Insets(29, 0, 0, 0)); // beside the rows, not the header
        VBox tableCard = new VBox(6, tableHeader, tableAndBar);
        tableCard.getStyleClass().add("card");
        VBox.setVgrow(tableAndBar, Priority.ALWAYS);

        results = new SplitPane(tableCard, detail);
        results.setOrientation(Orientation.VERTICAL);
        results.setDividerPositions(0.62);
        VBox center = new VBox(10, timeline, results);
        center.getStyleClass().add("explore-center");
        VBox.setVgrow(results, Priority.ALWAYS);
        body = new SplitPane(facets, center);
        body.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(facets, false);
        setTop(header);
        setCenter(body);
    }

    public QueryBar queryBar() {
        return queryBar;
    }

    public EventTable table() {
        return table;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public DetailPane detail() {
        return detail;
    }

    public SplitPane body() {
        return body;
    }

    public SplitPane results() {
        return results;
    }

    public void showColumnChooser() {
        columnChooser.show(columnsButton);
    }
}

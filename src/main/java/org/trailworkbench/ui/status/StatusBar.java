package org.trailworkbench.ui.status;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.ui.explore.ExploreModel;

/** Hits, events in the case, how long the search took, which case is open; and a job area on the right. */
public final class StatusBar extends HBox {

    private final Label hits = new Label();
    private final Label events = new Label();
    private final Label took = new Label();
    private final Label caseName = new Label();
    private final HBox jobs = new HBox(8);

    public StatusBar(ExploreModel model) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        hits.setId("status-hits");
        events.setId("status-events");
        took.setId("status-took");
        caseName.setId("status-case");
        caseName.getStyleClass().add("muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("status-busy");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(model.searchingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        jobs.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(hits, events, took, busy, spacer, jobs, caseName);
        model.responseProperty().addListener((obs, o, r) -> show(r, model.caseStatsProperty().get()));
        model.caseNameProperty().addListener((obs, o, c) -> caseName.setText(c == null ? "No case" : "Case: " + c));
    }

    private void show(SearchResponse r, SearchService.CaseStats stats) {
        hits.setText(r == null ? "" : String.format("%,d %s", r.total(), r.total() == 1 ? "hit" : "hits"));
        events.setText(stats == null ? "" : String.format("%,d events in the case", stats.events()));
        took.setText(r == null ? "" : r.tookMillis() + " ms");
    }

    /** Where running imports and exports show a compact progress line. */
    public HBox jobs() {
        return jobs;
    }
}

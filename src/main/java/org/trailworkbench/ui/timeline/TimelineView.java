package org.trailworkbench.ui.timeline;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;
import org.trailworkbench.index.Fields;
import org.trailworkbench.search.SearchResponse;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.search.Timeline;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.explore.Facets;
import org.trailworkbench.ui.theme.Icons;
import org.trailworkbench.ui.time.TimeDisplay;

import java.util.List;

/** The timeline card: bucket size, split choice, zoom back and reset, the chart and its legend. */
public final class TimelineView extends VBox {

    private static final String NO_SPLIT = "";

    private final ExploreModel model;
    private final TimelineCanvas canvas;
    private final Label interval = new Label();
    private final ComboBox<String> split = new ComboBox<>();
    private final FlowPane legend = new FlowPane(12, 4);
    private final HBox header;
    private final Label hint = new Label();
    private boolean updating;

    public TimelineView(ExploreModel model, TimeDisplay time, Icons icons) {
        this.model = model;
        getStyleClass().addAll("timeline-view", "card");
        canvas = new TimelineCanvas(time, icons.darkProperty(), model::zoomTo);

        Label title = new Label("Events over time");
        title.getStyleClass().add("card-title");
        interval.getStyleClass().add("muted");
        interval.setId("timeline-interval");

        split.setId("timeline-split");
        split.getItems().add(NO_SPLIT);
        split.getItems().addAll(Fields.FACETS);
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(String field) {
                return field == null || field.isEmpty() ? "No split" : "Split by " + Facets.label(field);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        split.setValue(model.splitByProperty().get() == null ? NO_SPLIT : model.splitByProperty().get());
        split.setTooltip(new Tooltip("Colour the bars by the values of one field"));
        split.setOnAction(e -> {
            if (!updating) {
                model.setSplitBy(split.getValue() == null || split.getValue().isEmpty() ? null : split.getValue());
            }
        });
        model.splitByProperty().addListener((obs, o, n) -> {
            updating = true;
            split.setValue(n == null ? NO_SPLIT : n);
            updating = false;
        });

        Button back = new Button("Back", icons.view("back"));
        back.setId("timeline-back");
        back.getStyleClass().add("flat");
        back.setTooltip(new Tooltip("Zoom back out to the previous range (Alt+Left)"));
        back.disableProperty().bind(model.canZoomBackProperty().not());
        back.setOnAction(e -> model.zoomBack());
        Button all = new Button("All time", icons.view("reset"));
        all.setId("timeline-reset");
        all.getStyleClass().add("flat");
        all.setTooltip(new Tooltip("Show the whole case"));
        all.disableProperty().bind(model.rangeProperty().isEqualTo(TimeRange.ALL));
        all.setOnAction(e -> model.setRange(TimeRange.ALL));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        hint.setText("drag to zoom");
        hint.getStyleClass().add("muted");
        header = new HBox(10, title, interval, spacer, hint, back, all, split);
        header.setAlignment(Pos.CENTER_LEFT);
        legend.setId("timeline-legend");
        legend.getStyleClass().add("legend");
        VBox.setVgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(header, canvas, legend);
        model.responseProperty().addListener((obs, old, response) -> show(response));
    }

    public TimelineCanvas canvas() {
        return canvas;
    }

    /** Puts a key of what is drawn over the chart (the Insights bands) in the header, before the zoom hint. */
    public void addKey(javafx.scene.Node key) {
        header.getChildren().add(header.getChildren().indexOf(hint), key);
    }

    private void show(SearchResponse response) {
        Timeline t = response == null || response.timeline() == null ? Timeline.empty() : response.timeline();
        canvas.show(t);
        interval.setText(t.size() == 0 ? "" : "per " + t.interval().label());
        legend.getChildren().clear();
        List<String> names = t.seriesNames();
        for (int s = 0; s < names.size(); s++) {
            String name = names.get(s);
            long total = 0;
            for (long v : t.series().get(name)) {
                total += v;
            }
            Rectangle swatch = new Rectangle(10, 10, Palette.of(name, s));
            swatch.setArcWidth(3);
            swatch.setArcHeight(3);
            Label item = new Label(String.format("%s  %,d", name, total), swatch);
            item.getStyleClass().add("legend-item");
            if (!Timeline.OTHER.equals(name) && !Timeline.MISSING.equals(name) && t.splitBy() != null) {
                item.setTooltip(new Tooltip("Click to keep only " + name));
                item.setOnMouseClicked(e -> model.include(t.splitBy(), name));
            }
            legend.getChildren().add(item);
        }
        legend.setVisible(!names.isEmpty());
        legend.setManaged(!names.isEmpty());
    }
}

package org.trailworkbench.ui.insights;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.Origin;
import org.trailworkbench.search.Timeline;
import org.trailworkbench.ui.timeline.TimelineCanvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The anomalies as bands on the timeline: a faint tint over the plot for the interval, and a strip along
 * its top in the origin's colour that answers the pointer (hover: the summary; click: zoom to the interval
 * and show the anomaly's events). Only the strips take the mouse, so dragging to zoom works everywhere
 * else. Overlapping anomalies stack in lanes.
 */
public final class InsightBands extends Pane {

    public static final Color AWS = Color.web("#8e6bbf");
    public static final Color LOCAL = Color.web("#c7a014");
    private static final double STRIP = 7;
    private static final int LANES = 3;

    private final TimelineCanvas canvas;
    private final InsightsModel model;
    private final Consumer<Anomaly> onClick;
    private final Label hover = new Label();
    private final HBox legend;
    /** What the bands were last laid out for: the chart redraws on every hover, the bands need not. */
    private List<Object> laidOutFor = List.of();

    public InsightBands(TimelineCanvas canvas, InsightsModel model, Consumer<Anomaly> onClick) {
        this.canvas = canvas;
        this.model = model;
        this.onClick = onClick;
        setId("insight-bands");
        setPickOnBounds(false);
        hover.getStyleClass().add("timeline-hover");
        hover.setId("insight-hover");
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        legend = new HBox(10, swatch("AWS Insights", AWS), swatch("detected locally", LOCAL));
        legend.setId("insight-legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        legend.setMouseTransparent(true);
        legend.getStyleClass().add("legend");
        model.anomalies().addListener((ListChangeListener<Anomaly>) c -> redraw());
        canvas.addLayer(this, this::redraw);
    }

    public static Color colour(Origin origin) {
        return origin == Origin.AWS_INSIGHTS ? AWS : LOCAL;
    }

    /** A colour's entry in a key, as the timeline's and the Insights view's keys show it. */
    static Label swatch(String text, Color colour) {
        Rectangle r = new Rectangle(10, 10, colour);
        Label l = new Label(text, r);
        l.getStyleClass().add("legend-item");
        return l;
    }

    /** The strips on screen now, in the order of the anomalies: what a test clicks. */
    public List<Rectangle> strips() {
        return getChildren().stream().filter(n -> n.getStyleClass().contains("insight-band"))
                .map(n -> (Rectangle) n).toList();
    }

    private void redraw() {
        Timeline data = canvas.data();
        long from = data.size() == 0 ? 0 : data.starts()[0];
        long to = data.size() == 0 ? 0 : data.end();
        double top = canvas.plotTop();
        double bottom = canvas.plotBottom();
        List<Object> key = List.of(from, to, canvas.getWidth(), bottom, List.copyOf(model.anomalies()));
        if (key.equals(laidOutFor)) {
            return;
        }
        laidOutFor = key;
        getChildren().clear();
        showLegend(false);
        if (data.size() == 0 || model.anomalies().isEmpty()) {
            return;
        }
        List<Long> laneEnds = new ArrayList<>();
        List<Rectangle> strips = new ArrayList<>();
        int index = 0;
        for (Anomaly a : model.anomalies()) {
            long start = a.start().toEpochMilli();
            long end = a.end() == null ? to : a.end().toEpochMilli();
            if (end <= from || start >= to) {
                index++;
                continue;
            }
            double x0 = canvas.xOf(Math.max(start, from));
            double x1 = Math.max(x0 + 3, canvas.xOf(Math.min(end, to)));
            int lane = lane(laneEnds, start, end);
            Color colour = colour(a.origin());
            Rectangle tint = new Rectangle(x0, top, x1 - x0, Math.max(0, bottom - top));
            tint.setFill(colour.deriveColor(0, 1, 1, 0.13));
            tint.setMouseTransparent(true);
            Rectangle strip = new Rectangle(x0, top + lane * (STRIP + 1), x1 - x0, STRIP);
            strip.setFill(colour);
            strip.getStyleClass().add("insight-band");
            strip.setId("insight-band-" + index);
            strip.setCursor(javafx.scene.Cursor.HAND);
            strip.setOnMouseMoved(e -> {
                showHover(a, e.getX(), e.getY());
                e.consume();
            });
            strip.setOnMouseExited(e -> hover.setVisible(false));
            // pressed and released are the chart's drag-to-zoom: a click on a band is not a drag
            strip.setOnMousePressed(javafx.scene.input.MouseEvent::consume);
            strip.setOnMouseReleased(javafx.scene.input.MouseEvent::consume);
            strip.setOnMouseClicked(e -> {
                hover.setVisible(false);
                onClick.accept(a);
                e.consume();
            });
            getChildren().add(tint);
            strips.add(strip);
            index++;
        }
        getChildren().addAll(strips);
        getChildren().add(hover);
        showLegend(!strips.isEmpty());
    }

    /**
     * The colours' key, for the timeline's header: inside the chart it covered the newest bars. Shown only
     * while bands are.
     */
    public Node legend() {
        return legend;
    }

    private void showLegend(boolean shown) {
        legend.setVisible(shown);
        legend.setManaged(shown);
    }

    /** The first lane free at {@code start}; the last lane when all are taken. */
    private static int lane(List<Long> laneEnds, long start, long end) {
        for (int i = 0; i < laneEnds.size(); i++) {
            if (laneEnds.get(i) <= start) {
                laneEnds.set(i, end);
                return i;
            }
        }
        if (laneEnds.size() < LANES) {
            laneEnds.add(end);
            return laneEnds.size() - 1;
        }
        return LANES - 1;
    }

    private void showHover(Anomaly a, double x, double y) {
        hover.setText(AnomalyText.summary(a) + "\nclick: zoom in and show its events");
        hover.setVisible(true);
        hover.autosize();
        double left = x + 14 + hover.getWidth() > getWidth() ? x - 14 - hover.getWidth() : x + 14;
        hover.relocate(Math.max(0, left), Math.max(0, Math.min(y, getHeight() - hover.getHeight())));
    }
}

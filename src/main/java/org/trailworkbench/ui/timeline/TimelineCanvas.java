package org.trailworkbench.ui.timeline;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.trailworkbench.search.Timeline;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.ui.time.TimeDisplay;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The histogram, drawn on one Canvas so that it costs the same with ten buckets or ten thousand. Hover
 * names a bucket's time and count; dragging selects a range to zoom into; a click on a bar zooms into
 * that bucket.
 */
public final class TimelineCanvas extends Region {

    private static final double LEFT = 52;
    private static final double RIGHT = 10;
    private static final double TOP = 10;
    private static final double BOTTOM = 22;
    private static final double DRAG_THRESHOLD = 4;

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final TimeDisplay time;
    private final BooleanProperty dark;
    private final Consumer<TimeRange> onZoom;
    private final List<javafx.scene.Node> layers = new java.util.ArrayList<>();
    private final List<Runnable> layerRedraws = new java.util.ArrayList<>();
    /** Measures tick labels, so that those at either end stay whole on the canvas. */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private Timeline data = Timeline.empty();
    private int hovered = -1;
    private double dragStart = Double.NaN;
    private double dragNow = Double.NaN;

    public TimelineCanvas(TimeDisplay time, BooleanProperty dark, Consumer<TimeRange> onZoom) {
        this.time = time;
        this.dark = dark;
        this.onZoom = onZoom;
        setId("timeline");
        getStyleClass().add("timeline-canvas");
        hover.getStyleClass().add("timeline-hover");
        hover.setId("timeline-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover);
        setMinHeight(90);
        setPrefHeight(150);
        time.utcProperty().addListener((obs, o, n) -> draw());
        dark.addListener((obs, o, n) -> draw());
        setOnMouseMoved(this::onMove);
        setOnMouseExited(e -> {
            hovered = -1;
            hover.setVisible(false);
            draw();
        });
        setOnMousePressed(e -> {
            dragStart = clampX(e.getX());
            dragNow = dragStart;
        });
        setOnMouseDragged(e -> {
            dragNow = clampX(e.getX());
            hover.setVisible(false);
            draw();
        });
        setOnMouseReleased(this::onRelease);
    }

    public void show(Timeline timeline) {
        data = timeline == null ? Timeline.empty() : timeline;
        hovered = -1;
        hover.setVisible(false);
        draw();
    }

    public Timeline data() {
        return data;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
        hover.autosize();
        layers.forEach(layer -> layer.resizeRelocate(0, 0, w, h));
    }

    /**
     * A layer over the chart (Insights bands): laid over the whole canvas, under the hover label, and told
     * to redraw after the chart does, through {@link #xOf}, {@link #plotTop()} and {@link #plotBottom()}.
     */
    public void addLayer(javafx.scene.Node layer, Runnable redraw) {
        layers.add(layer);
        layerRedraws.add(redraw);
        getChildren().add(getChildren().indexOf(hover), layer);
        redraw.run();
    }

    public double plotTop() {
        return TOP;
    }

    public double plotBottom() {
        return getHeight() - BOTTOM;
    }

    // ---- geometry

    private double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private double clampX(double x) {
        return Math.max(LEFT, Math.min(LEFT + plotWidth(), x));
    }

    private long from() {
        return data.starts()[0];
    }

    private long span() {
        return Math.max(1, data.end() - from());
    }

    /** Where an instant falls on the x axis; only meaningful while {@link #data()} has buckets. */
    public double xOf(long t) {
        return LEFT + (t - from()) / (double) span() * plotWidth();
    }

    private long timeAt(double x) {
        return from() + Math.round((x - LEFT) / plotWidth() * span());
    }

    private int bucketAt(double x) {
        if (data.size() == 0 || x < LEFT || x > LEFT + plotWidth()) {
            return -1;
        }
        long t = timeAt(x);
        int i = java.util.Arrays.binarySearch(data.starts(), t);
        i = i >= 0 ? i : -i - 2;
        return i >= 0 && i < data.size() ? i : -1;
    }

    // ---- interaction

    private void onMove(MouseEvent e) {
        int i = bucketAt(e.getX());
        if (i != hovered) {
            hovered = i;
            draw();
        }
        if (i < 0) {
            hover.setVisible(false);
            return;
        }
        hover.setText(describe(i));
        hover.setVisible(true);
        hover.autosize();
        double x = e.getX() + 14;
        if (x + hover.getWidth() > getWidth()) {
            x = e.getX() - 14 - hover.getWidth();
        }
        hover.relocate(Math.max(0, x), Math.max(0, Math.min(e.getY() - hover.getHeight() / 2, getHeight() - hover.getHeight())));
    }

    /** "2025-03-06 14:00 – 15:00 UTC: 1,234 events", one line per series when split. */
    public String describe(int i) {
        StringBuilder text = new StringBuilder();
        text.append(time.minutes(data.starts()[i])).append(" – ").append(time.minutes(data.bucketEnd(i)))
                .append(' ').append(time.zoneName()).append('\n')
                .append(String.format("%,d events", data.counts()[i]));
        for (Map.Entry<String, long[]> s : data.series().entrySet()) {
            if (s.getValue()[i] > 0) {
                text.append(String.format("%n  %s: %,d", s.getKey(), s.getValue()[i]));
            }
        }
        return text.toString();
    }

    private void onRelease(MouseEvent e) {
        if (Double.isNaN(dragStart) || data.size() == 0) {
            return;
        }
        double a = Math.min(dragStart, dragNow);
        double b = Math.max(dragStart, dragNow);
        dragStart = Double.NaN;
        dragNow = Double.NaN;
        if (b - a >= DRAG_THRESHOLD) {
            long start = timeAt(a) / 1000 * 1000;
            long end = Math.max(start + 1000, (timeAt(b) + 999) / 1000 * 1000);
            onZoom.accept(new TimeRange(start, end));
        } else {
            int i = bucketAt(e.getX());
            if (i >= 0 && data.counts()[i] > 0 && e.isStillSincePress()) {
                onZoom.accept(new TimeRange(data.starts()[i], data.bucketEnd(i)));
            } else {
                draw();
            }
        }
    }

    // ---- drawing

    private void draw() {
        drawChart();
        layerRedraws.forEach(Runnable::run);
    }

    private void drawChart() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 10 || h < 10) {
            return;
        }
        boolean night = dark.get();
        Color ink = night ? Color.web("#aab3bf") : Color.web("#5d6b7a");
        Color grid = night ? Color.web("#ffffff", 0.08) : Color.web("#000000", 0.07);
        g.setFont(Font.font(11));
        double plotH = h - TOP - BOTTOM;
        if (data.size() == 0) {
            g.setFill(ink);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No events in this range", w / 2, h / 2);
            return;
        }
        long max = 1;
        for (long c : data.counts()) {
            max = Math.max(max, c);
        }
        // grid and count labels
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 2; k++) {
            double y = TOP + plotH - plotH * k / 2.0;
            g.setStroke(grid);
            g.setLineWidth(1);
            g.strokeLine(LEFT, Math.round(y) + 0.5, LEFT + plotWidth(), Math.round(y) + 0.5);
            g.setFill(ink);
            g.fillText(compact(max * k / 2), LEFT - 6, y);
        }
        drawBars(g, plotH, max);
        drawAxis(g, h, ink);
        if (!Double.isNaN(dragStart) && Math.abs(dragNow - dragStart) >= 1) {
            double a = Math.min(dragStart, dragNow);
            g.setFill(Color.web("#3b7dd8", 0.18));
            g.fillRect(a, TOP, Math.abs(dragNow - dragStart), plotH);
            g.setStroke(Color.web("#3b7dd8", 0.8));
            g.strokeRect(a + 0.5, TOP + 0.5, Math.abs(dragNow - dragStart), plotH);
        }
    }

    private void drawBars(GraphicsContext g, double plotH, long max) {
        List<String> names = data.seriesNames();
        double base = TOP + plotH;
        for (int i = 0; i < data.size(); i++) {
            double x0 = xOf(data.starts()[i]);
            double x1 = xOf(data.bucketEnd(i));
            double gap = x1 - x0 > 4 ? 1 : 0;
            double bw = Math.max(1, x1 - x0 - gap);
            double alpha = hovered < 0 || hovered == i ? 1 : 0.55;
            if (names.isEmpty()) {
                double bh = plotH * data.counts()[i] / (double) max;
                g.setFill(Palette.SINGLE.deriveColor(0, 1, 1, alpha));
                g.fillRect(x0, base - bh, bw, bh);
            } else {
                double y = base;
                for (int s = 0; s < names.size(); s++) {
                    long v = data.series().get(names.get(s))[i];
                    double bh = plotH * v / (double) max;
                    g.setFill(Palette.of(names.get(s), s).deriveColor(0, 1, 1, alpha));
                    g.fillRect(x0, y - bh, bw, bh);
                    y -= bh;
                }
            }
        }
    }

    private void drawAxis(GraphicsContext g, double h, Color ink) {
        long from = from();
        long to = data.end();
        long step = TimeTicks.step(from, to, (int) Math.max(2, plotWidth() / 90));
        g.setFill(ink);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<Long> ticks = TimeTicks.ticks(from, to, step, time.zone());
        for (int i = 0; i < ticks.size(); i++) {
            long t = ticks.get(i);
            String label = time.tick(t, TimeTicks.coarse(step));
            double x = xOf(t);
            if (i == 0 || i == ticks.size() - 1) {
                // under its tick, but kept whole on the canvas: a tick at either end of the range cut its label
                measure.setFont(g.getFont());
                measure.setText(label);
                double half = measure.getLayoutBounds().getWidth() / 2;
                x = Math.max(half, Math.min(getWidth() - half, x));
            }
            g.fillText(label, x, h - BOTTOM + 5);
        }
    }

    private static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format("%.1fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format("%.0fk", n / 1e3);
        }
        return String.format("%,d", n);
    }
}

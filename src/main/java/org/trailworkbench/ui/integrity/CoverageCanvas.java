package org.trailworkbench.ui.integrity;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The coverage grid: one row per account and region, one cell per UTC hour, coloured by what vouches for
 * it. Drawn on one Canvas; the pointer's cell is named in a tooltip.
 */
final class CoverageCanvas extends Region {

    static final Map<Coverage.Hour, Color> COLOURS = new EnumMap<>(Map.of(
            Coverage.Hour.VALID, Color.web("#3fa34d"),
            Coverage.Hour.FAILED, Color.web("#d9534f"),
            Coverage.Hour.UNCHECKED, Color.web("#f08c2e"),
            Coverage.Hour.PENDING, Color.web("#9aa3ae"),
            Coverage.Hour.EMPTY, Color.web("#9aa3ae", 0.18)));
    private static final double LABEL = 190;
    private static final double ROW = 16;
    private static final double TOP = 18;

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private Coverage coverage = Coverage.of(java.util.List.of());

    CoverageCanvas() {
        setId("integrity-coverage");
        getChildren().add(canvas);
        setMinHeight(60);
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> tip.setText(describe(e.getX(), e.getY())));
    }

    void show(Coverage c) {
        coverage = c;
        setPrefHeight(TOP + Math.max(1, c.rows().size()) * ROW + 8);
        draw();
    }

    Coverage coverage() {
        return coverage;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private double cellWidth() {
        return coverage.hours() == 0 ? 0 : Math.max(0.5, (getWidth() - LABEL - 8) / coverage.hours());
    }

    private String describe(double x, double y) {
        int row = (int) ((y - TOP) / ROW);
        int hour = (int) ((x - LABEL) / Math.max(0.001, cellWidth()));
        if (y < TOP || row >= coverage.rows().size() || x < LABEL || hour >= coverage.hours()) {
            return "Each cell is one UTC hour: green covered by a valid digest, red failed, orange could not be"
                    + " checked, grey no digest";
        }
        Coverage.Row r = coverage.rows().get(row);
        Instant at = coverage.start().plus(Duration.ofHours(hour));
        return r.scope() + "\n" + at + " to " + at.plus(Duration.ofHours(1)) + ": " + r.hours()[hour].words();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        g.setFont(Font.font(11));
        g.setFill(Color.web("#7d8896"));
        g.setTextBaseline(VPos.CENTER);
        if (coverage.rows().isEmpty()) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("No digests or log files placed yet", 8, TOP);
            return;
        }
        double cell = cellWidth();
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(coverage.start() + "  →  " + coverage.hours() + " hours (UTC)", LABEL, TOP / 2);
        for (int r = 0; r < coverage.rows().size(); r++) {
            Coverage.Row row = coverage.rows().get(r);
            double y = TOP + r * ROW;
            g.setFill(Color.web("#7d8896"));
            g.fillText(row.scope(), 4, y + ROW / 2);
            for (int h = 0; h < row.hours().length; h++) {
                g.setFill(COLOURS.get(row.hours()[h]));
                g.fillRect(LABEL + h * cell, y + 2, Math.max(0.5, cell - (cell > 3 ? 1 : 0)), ROW - 4);
            }
        }
    }
}

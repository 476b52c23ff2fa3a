package org.trailworkbench.ui.time;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.trailworkbench.search.SearchService;
import org.trailworkbench.search.TimeRange;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.theme.Icons;

import java.time.DateTimeException;

/**
 * The time range: presets, absolute from and to (typed in the displayed zone, Enter applies), and the
 * UTC/local switch that every time on screen follows. Presets count back from the case's newest event,
 * not from now: evidence is rarely from the last hour of the wall clock.
 */
public final class TimeRangeBar extends HBox {

    enum Preset {
        ALL("All time", 0), HOUR("Last hour", 3_600_000L), DAY("Last 24 hours", 86_400_000L),
        WEEK("Last 7 days", 7 * 86_400_000L), CUSTOM("Custom", -1);

        final String label;
        final long span;

        Preset(String label, long span) {
            this.label = label;
            this.span = span;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ExploreModel model;
    private final TimeDisplay time;
    private final ComboBox<Preset> presets = new ComboBox<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private boolean updating;

    public TimeRangeBar(ExploreModel model, TimeDisplay time, Icons icons) {
        this.model = model;
        this.time = time;
        getStyleClass().add("time-range-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);

        presets.setId("time-preset");
        presets.getItems().addAll(Preset.values());
        presets.setValue(Preset.ALL);
        presets.setTooltip(new Tooltip("Presets count back from the newest event in the case"));
        presets.setOnAction(e -> choosePreset());

        from.setId("time-from");
        to.setId("time-to");
        for (TextField f : new TextField[]{from, to}) {
            f.setPrefColumnCount(13);
            f.getStyleClass().add("time-field");
            f.setOnAction(e -> applyTyped());
            f.setTooltip(new Tooltip("2025-03-06 14:00, 2025-03-06 or an ISO instant; Enter applies"));
        }
        from.setPromptText("oldest");
        to.setPromptText("newest");

        ToggleButton utc = new ToggleButton("UTC");
        utc.setId("utc-toggle");
        utc.setSelected(time.utcProperty().get());
        utc.selectedProperty().bindBidirectional(time.utcProperty());
        utc.setTooltip(new Tooltip("Show times in UTC (on) or in local time (off)"));
        time.utcProperty().addListener((obs, o, n) -> showRange(model.rangeProperty().get()));

        Button back = new Button(null, icons.view("back"));
        back.setId("zoom-back");
        back.setTooltip(new Tooltip("Back to the previous range (Alt+Left)"));
        back.disableProperty().bind(model.canZoomBackProperty().not());
        back.setOnAction(e -> model.zoomBack());

        Label arrow = new Label("→");
        getChildren().addAll(icons.view("clock"), presets, from, arrow, to, utc, back);
        model.rangeProperty().addListener((obs, old, r) -> showRange(r));
        showRange(model.rangeProperty().get());
    }

    private void choosePreset() {
        if (updating) {
            return;
        }
        Preset p = presets.getValue();
        if (p == null || p == Preset.CUSTOM) {
            return;
        }
        if (p == Preset.ALL) {
            model.setRange(TimeRange.ALL);
            return;
        }
        SearchService.CaseStats stats = model.caseStatsProperty().get();
        if (stats == null || stats.newest() == null) {
            return;
        }
        long end = stats.newest() + 1;
        model.setRange(new TimeRange(end - p.span, end));
    }

    private void applyTyped() {
        try {
            Long start = from.getText().isBlank() ? null : time.parse(from.getText(), false);
            Long end = to.getText().isBlank() ? null : time.parse(to.getText(), true);
            model.setRange(new TimeRange(start, end));
            from.pseudoClassStateChanged(INVALID, false);
            to.pseudoClassStateChanged(INVALID, false);
        } catch (DateTimeException | IllegalArgumentException e) {
            model.reportInputError(e.getMessage());
            from.pseudoClassStateChanged(INVALID, true);
            to.pseudoClassStateChanged(INVALID, true);
        }
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private void showRange(TimeRange r) {
        updating = true;
        from.setText(r.from() == null ? "" : time.seconds(r.from()));
        to.setText(r.to() == null ? "" : time.seconds(r.to()));
        if (r.isAll()) {
            presets.setValue(Preset.ALL);
        } else if (presets.getValue() == Preset.ALL || !matchesPreset(r)) {
            presets.setValue(Preset.CUSTOM);
        }
        updating = false;
    }

    private boolean matchesPreset(TimeRange r) {
        Preset p = presets.getValue();
        return p != null && p.span > 0 && r.isBounded() && r.to() - r.from() == p.span;
    }
}

package org.trailworkbench.ui.timeline;

import javafx.scene.paint.Color;
import org.trailworkbench.search.Timeline;

/** Series colours that stay apart for colour-blind eyes and on both themes; "(other)" and "(none)" are muted. */
final class Palette {

    private static final Color[] SERIES = {
            Color.web("#3b7dd8"), Color.web("#f08c2e"), Color.web("#3fa34d"), Color.web("#d9534f"),
            Color.web("#8e6bbf"), Color.web("#17a2b8"), Color.web("#c7a014")};
    static final Color SINGLE = Color.web("#3b7dd8");
    private static final Color OTHER = Color.web("#9aa3ae");
    private static final Color NONE = Color.web("#c3c9d1");

    private Palette() {
    }

    static Color of(String series, int index) {
        if (Timeline.OTHER.equals(series)) {
            return OTHER;
        }
        if (Timeline.MISSING.equals(series)) {
            return NONE;
        }
        return SERIES[index % SERIES.length];
    }
}

package org.trailworkbench.ui.table;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.trailworkbench.export.JsonPaths;
import org.trailworkbench.search.EventHit;

import java.io.IOException;

/**
 * One row of the event table. Rows exist before their event is loaded (the table asks for row 900,000
 * while its page is on the way): the hit arrives later and the cells follow it.
 */
public final class EventRow {

    private final int index;
    private final ObjectProperty<EventHit> hit = new SimpleObjectProperty<>();
    private JsonPaths cachedFor;
    private String[] cached;

    EventRow(int index, EventHit loaded) {
        this.index = index;
        hit.set(loaded);
    }

    public int index() {
        return index;
    }

    public ReadOnlyObjectProperty<EventHit> hitProperty() {
        return hit;
    }

    public EventHit hit() {
        return hit.get();
    }

    void load(EventHit loaded) {
        cached = null;
        hit.set(loaded);
    }

    /** The cells of the row for these columns, extracted once (a streaming read of the record). */
    public String[] cells(JsonPaths columns) {
        EventHit h = hit.get();
        if (h == null) {
            return null;
        }
        if (cached == null || cachedFor != columns) {
            try {
                cached = columns.extract(h.json());
            } catch (IOException e) {
                cached = new String[columns.paths().size()];
                java.util.Arrays.fill(cached, "");
            }
            cachedFor = columns;
        }
        return cached;
    }
}

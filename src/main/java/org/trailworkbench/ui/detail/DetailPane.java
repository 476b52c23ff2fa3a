package org.trailworkbench.ui.detail;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.trailworkbench.export.JsonPaths;
import org.trailworkbench.index.Fields;
import org.trailworkbench.search.EventHit;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.table.EventRow;
import org.trailworkbench.ui.theme.Icons;
import org.trailworkbench.ui.time.TimeDisplay;

import java.io.IOException;
import java.util.List;

/**
 * The selected event: its key fields on top, the whole record below as coloured, indented JSON. Any value,
 * above or below, turns into a filter from its right-click menu.
 */
public final class DetailPane extends VBox {

    private static final List<String> KEY_FIELDS = List.of("eventName", "eventSource", "userIdentity.arn",
            "sourceIPAddress", "awsRegion", "recipientAccountId", "errorCode", "errorMessage", "eventID");

    private final ExploreModel model;
    private final TimeDisplay time;
    private final Label heading = new Label("No event selected");
    private final GridPane keys = new GridPane();
    private final TextFlow json = new TextFlow();
    private final ChangeListener<EventHit> onLoaded = (obs, old, hit) -> show(hit);
    private EventRow row;
    private EventHit shown;

    public DetailPane(ExploreModel model, TimeDisplay time, Icons icons) {
        this.model = model;
        this.time = time;
        setId("detail");
        getStyleClass().addAll("detail-pane", "card");
        heading.getStyleClass().add("card-title");
        heading.setId("detail-heading");
        Button copy = new Button("Copy JSON", icons.view("copy"));
        copy.getStyleClass().add("flat");
        copy.setTooltip(new Tooltip("Copy the event as JSON (Ctrl+Shift+C)"));
        copy.setOnAction(e -> {
            if (shown != null) {
                copy(shown.json());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, heading, spacer, copy);
        header.setAlignment(Pos.CENTER_LEFT);
        keys.getStyleClass().add("key-fields");
        keys.setHgap(12);
        keys.setVgap(3);
        json.setId("detail-json");
        json.getStyleClass().add("json");
        ScrollPane scroll = new ScrollPane(new VBox(10, keys, json));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("json-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        time.utcProperty().addListener((obs, o, n) -> show(shown));
    }

    /** Shows a row's event, now or when it has loaded. */
    /** The event shown, null when none (or while its row is loading). */
    public EventHit shown() {
        return shown;
    }

    public void showRow(EventRow next) {
        if (row != null) {
            row.hitProperty().removeListener(onLoaded);
        }
        row = next;
        if (row != null) {
            row.hitProperty().addListener(onLoaded);
        }
        show(row == null ? null : row.hit());
    }

    private void show(EventHit hit) {
        shown = hit;
        keys.getChildren().clear();
        json.getChildren().clear();
        if (hit == null) {
            heading.setText(row == null ? "No event selected" : "Loading…");
            return;
        }
        String[] values;
        try {
            values = JsonPaths.of(KEY_FIELDS).extract(hit.json());
        } catch (IOException e) {
            values = new String[KEY_FIELDS.size()];
        }
        heading.setText((values[0] == null || values[0].isEmpty() ? "Event" : values[0]) + " · " + time.seconds(hit.time())
                + " " + time.zoneName());
        int r = 0;
        addKey("eventTime", time.millis(hit.time()) + " " + time.zoneName(), null, r++);
        for (int k = 0; k < KEY_FIELDS.size(); k++) {
            if (values[k] != null && !values[k].isEmpty()) {
                addKey(KEY_FIELDS.get(k), values[k], values[k].contains(JsonPaths.SEPARATOR) ? null : values[k], r++);
            }
        }
        if (hit.file() != null) {
            // where the event was read from: "Filter on" it lists that file's events
            addKey(Fields.FILE, hit.file(), hit.file(), r++);
        }
        try {
            for (JsonTokens.Piece piece : JsonTokens.of(hit.json())) {
                Text text = new Text(piece.text());
                text.getStyleClass().addAll("json-text", "json-" + piece.kind().name().toLowerCase(java.util.Locale.ROOT));
                if (piece.path() != null) {
                    text.setOnContextMenuRequested(e -> {
                        menu(piece.path(), piece.value()).show(text, e.getScreenX(), e.getScreenY());
                        e.consume();
                    });
                }
                json.getChildren().add(text);
            }
        } catch (IOException e) {
            json.getChildren().add(new Text(hit.json()));
        }
    }

    private void addKey(String path, String shownValue, String filterValue, int r) {
        Label key = new Label(path);
        key.getStyleClass().add("key-name");
        key.setMinWidth(Region.USE_PREF_SIZE); // a long value wraps; the field's name is never cut to "event…"
        Label value = new Label(shownValue);
        value.getStyleClass().add("key-value");
        value.setWrapText(true);
        value.setContextMenu(filterValue == null ? copyOnly(shownValue) : menu(path, filterValue));
        keys.addRow(r, key, value);
    }

    private ContextMenu menu(String path, String value) {
        MenuItem include = new MenuItem("Filter on " + path + ": " + abbreviate(value));
        include.setOnAction(e -> model.include(path, value));
        MenuItem exclude = new MenuItem("Exclude " + path + ": " + abbreviate(value));
        exclude.setOnAction(e -> model.exclude(path, value));
        MenuItem copy = new MenuItem("Copy value");
        copy.setOnAction(e -> copy(value));
        return new ContextMenu(include, exclude, copy);
    }

    private static ContextMenu copyOnly(String value) {
        MenuItem copy = new MenuItem("Copy value");
        copy.setOnAction(e -> copy(value));
        return new ContextMenu(copy);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static String abbreviate(String s) {
        return s.length() > 48 ? s.substring(0, 45) + "…" : s;
    }
}

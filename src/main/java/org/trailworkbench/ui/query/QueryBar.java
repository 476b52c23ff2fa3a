package org.trailworkbench.ui.query;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.trailworkbench.ui.explore.ExploreModel;
import org.trailworkbench.ui.theme.Icons;

import java.util.List;

/**
 * The query bar: Enter runs, Up and Down walk the history, field names complete as you type (Tab or Enter
 * takes the highlighted one, Ctrl+Space asks), and a query the parser cannot read is explained in one
 * line underneath.
 */
public final class QueryBar extends VBox {

    private final ExploreModel model;
    private final QueryHistory history;
    private final ObservableList<String> fieldPaths;
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ListView<String> suggestions = new ListView<>();
    private final Popup popup = new Popup();
    private boolean applying;

    public QueryBar(ExploreModel model, QueryHistory history, ObservableList<String> fieldPaths, Icons icons) {
        this.model = model;
        this.history = history;
        this.fieldPaths = fieldPaths;
        getStyleClass().add("query-bar");

        field.setId("query");
        field.setPromptText("Search events, e.g. eventName:ConsoleLogin AND NOT _exists_:errorCode   (Enter runs · Tab completes a field)");
        field.getStyleClass().add("query-field");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button run = new Button("Search", icons.view("search"));
        run.setId("run-query");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip("Run the query (Enter)"));
        run.setOnAction(e -> runTyped());
        HBox line = new HBox(8, field, run);
        line.setAlignment(Pos.CENTER_LEFT);

        error.setId("query-error");
        error.getStyleClass().add("query-error");
        error.setGraphic(icons.view("warning"));
        showError(null);
        model.queryErrorProperty().addListener((obs, old, message) -> showError(message));
        model.queryProperty().addListener((obs, old, q) -> {
            if (!q.equals(field.getText().strip())) {
                field.setText(q);
            }
        });

        suggestions.setId("completion");
        suggestions.setPrefHeight(220);
        suggestions.setFixedCellSize(26);
        suggestions.setFocusTraversable(false);
        suggestions.setOnMouseClicked(e -> accept());
        popup.getContent().add(suggestions);
        popup.setAutoHide(true);

        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        field.textProperty().addListener((obs, old, text) -> {
            if (!applying && field.isFocused()) {
                complete(false);
            }
        });
        getChildren().addAll(line, error);
    }

    public TextField field() {
        return field;
    }

    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private void runTyped() {
        popup.hide();
        String text = field.getText().strip();
        history.add(text);
        model.runQuery(text);
    }

    private void onKey(KeyEvent e) {
        if (popup.isShowing()) {
            boolean chosen = suggestions.getSelectionModel().getSelectedIndex() >= 0;
            switch (e.getCode()) {
                case DOWN -> move(1);
                case UP -> move(-1);
                case TAB -> {
                    if (!chosen) {
                        suggestions.getSelectionModel().select(0);
                    }
                    accept();
                }
                case ENTER -> {
                    // Enter takes a suggestion only when the user went into the list; else it runs the query
                    if (chosen) {
                        accept();
                    } else {
                        runTyped();
                    }
                }
                case ESCAPE -> popup.hide();
                default -> {
                    return;
                }
            }
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            runTyped();
            e.consume();
        } else if (e.getCode() == KeyCode.UP && !e.isShortcutDown()) {
            setFromHistory(history.older(field.getText()));
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN && !e.isShortcutDown()) {
            setFromHistory(history.newer());
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && e.isControlDown()) {
            complete(true);
            e.consume();
        }
    }

    private void setFromHistory(String text) {
        if (text != null) {
            applying = true;
            field.setText(text);
            field.positionCaret(text.length());
            applying = false;
        }
    }

    private void move(int by) {
        int size = suggestions.getItems().size();
        int i = suggestions.getSelectionModel().getSelectedIndex();
        int next = i < 0 ? (by > 0 ? 0 : size - 1) : Math.max(0, Math.min(size - 1, i + by));
        suggestions.getSelectionModel().select(next);
        suggestions.scrollTo(next);
    }

    private void complete(boolean asked) {
        FieldCompletion.Word word = FieldCompletion.wordAt(field.getText(), field.getCaretPosition());
        List<String> fits = FieldCompletion.suggest(word, fieldPaths);
        if (fits.isEmpty() || (!asked && word.text().length() < 1)) {
            popup.hide();
            return;
        }
        suggestions.setItems(FXCollections.observableArrayList(fits));
        suggestions.getSelectionModel().clearSelection();
        suggestions.setPrefHeight(Math.min(fits.size(), 8) * 26 + 4);
        suggestions.setPrefWidth(Math.max(260, field.getWidth() / 3));
        if (!popup.isShowing() && field.getScene() != null) {
            suggestions.getStylesheets().setAll(field.getScene().getStylesheets());
            if (!suggestions.getStyleClass().contains("root")) {
                suggestions.getStyleClass().add("root");
            }
            var bounds = field.localToScreen(field.getBoundsInLocal());
            if (bounds != null) {
                popup.show(field, bounds.getMinX(), bounds.getMaxY() + 2);
            }
        }
    }

    private void accept() {
        String chosen = suggestions.getSelectionModel().getSelectedItem();
        FieldCompletion.Word word = FieldCompletion.wordAt(field.getText(), field.getCaretPosition());
        popup.hide();
        if (chosen == null || word == null) {
            return;
        }
        FieldCompletion.Applied applied = FieldCompletion.apply(field.getText(), word, chosen);
        applying = true;
        field.setText(applied.text());
        field.positionCaret(applied.caret());
        applying = false;
    }

    private void showError(String message) {
        boolean show = message != null && !message.isBlank();
        error.setText(show ? message : "");
        error.setVisible(show);
        error.setManaged(show);
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), show);
    }

}

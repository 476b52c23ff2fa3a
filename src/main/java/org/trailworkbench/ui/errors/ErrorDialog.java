package org.trailworkbench.ui.errors;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one way a failure reaches the user: what went wrong in words, what it was doing, and the technical
 * details folded away behind "Show Details" for a bug report.
 */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    public static Alert create(Window owner, String whatFailed, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.setTitle("Trail Workbench");
        alert.setHeaderText(whatFailed);
        alert.setContentText(ErrorMessages.describe(error));
        StringWriter trace = new StringWriter();
        ErrorMessages.unwrap(error).printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setId("error-details");
        details.getStyleClass().add("mono");
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("error-dialog");
        return alert;
    }

    public static void show(Window owner, String whatFailed, Throwable error) {
        create(owner, whatFailed, error).show();
    }
}

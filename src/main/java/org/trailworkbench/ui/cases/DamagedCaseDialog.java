package org.trailworkbench.ui.cases;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;
import org.trailworkbench.casefile.CaseCheck;
import org.trailworkbench.casefile.CaseRebuild;
import org.trailworkbench.casefile.CheckReport;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportProgress;
import org.trailworkbench.casefile.RebuildReport;
import org.trailworkbench.index.DamagedIndexException;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.ManifestSources;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.errors.ErrorDialog;
import org.trailworkbench.ui.tasks.TaskRunner;

import java.nio.file.Path;

/**
 * What the window shows instead of a case whose index cannot be opened: the damage, and the two things to do
 * about it, the same as the command line's {@code check} and {@code rebuild}. Nothing is changed until the
 * user chooses Rebuild.
 */
public final class DamagedCaseDialog {

    public static final ButtonType CHECK = new ButtonType("Check", ButtonBar.ButtonData.LEFT);
    public static final ButtonType REBUILD = new ButtonType("Rebuild", ButtonBar.ButtonData.OK_DONE);

    private final Window owner;
    private final TaskRunner tasks;
    private final Path caseDir;
    private final Runnable reopen;

    /** @param reopen opens the case again once it is rebuilt */
    public DamagedCaseDialog(Window owner, TaskRunner tasks, Path caseDir, Runnable reopen) {
        this.owner = owner;
        this.tasks = tasks;
        this.caseDir = caseDir.toAbsolutePath().normalize();
        this.reopen = reopen;
    }

    public Alert show(DamagedIndexException damage) {
        Alert alert = alert(Alert.AlertType.WARNING, "The index of this case is damaged",
                capitalize(damage.detail()) + ".\n\nNothing in the case was changed. Check tells what is wrong; "
                        + "Rebuild reads the source files the case's manifest lists into a new index and keeps the "
                        + "current one aside (in a before-rebuild folder of the case).", CHECK, REBUILD, ButtonType.CANCEL);
        alert.getDialogPane().setId("damaged-case");
        alert.setOnHidden(e -> act(alert.getResult()));
        alert.show();
        return alert;
    }

    private void act(ButtonType choice) {
        if (choice == CHECK) {
            tasks.run(running -> CaseCheck.run(caseDir), this::showCheck,
                    error -> ErrorDialog.show(owner, "The case at " + caseDir + " could not be checked", error));
        } else if (choice == REBUILD) {
            rebuild();
        }
    }

    private void showCheck(CheckReport report) {
        StringBuilder text = new StringBuilder("Verdict: ").append(report.healthy() ? "healthy" : "damaged").append('\n');
        report.problems().forEach(p -> text.append("\n• ").append(p));
        report.notes().forEach(n -> text.append("\n• note: ").append(n));
        text.append("\n\nTo do: ").append(report.healthy() ? "nothing" : "Rebuild");
        Alert alert = report.healthy()
                ? alert(Alert.AlertType.INFORMATION, "Check of " + caseDir.getFileName(), text.toString(), ButtonType.CLOSE)
                : alert(Alert.AlertType.WARNING, "Check of " + caseDir.getFileName(), text.toString(), REBUILD, ButtonType.CLOSE);
        alert.getDialogPane().setId("case-check");
        alert.setOnHidden(e -> {
            if (alert.getResult() == REBUILD) {
                rebuild();
            } else if (report.healthy()) {
                reopen.run();
            }
        });
        alert.show();
    }

    private void rebuild() {
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(360);
        Alert progress = alert(Alert.AlertType.NONE, "Rebuilding the index of " + caseDir.getFileName(),
                "Reading the case's source files again…", ButtonType.CANCEL);
        progress.getDialogPane().setId("rebuilding");
        progress.setGraphic(bar);
        Cancellation cancel = new Cancellation();
        progress.setOnHidden(e -> cancel.cancel()); // hidden by Cancel; once done, cancelling is a no-op
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(ImportProgress p) {
                Platform.runLater(() -> bar.setProgress(p.fraction()));
            }
        };
        progress.show();
        tasks.run(running -> {
            try (ManifestSources sources = new ManifestSources(AwsSettings.defaults())) {
                return new CaseRebuild(caseDir, sources, sources.workers(caseDir)).run(listener, cancel);
            }
        }, report -> {
            progress.setOnHidden(null);
            progress.close();
            showRebuilt(report);
        }, error -> {
            progress.setOnHidden(null);
            progress.close();
            ErrorDialog.show(owner, "The index of " + caseDir + " could not be rebuilt", error);
        });
    }

    private void showRebuilt(RebuildReport report) {
        if (report.cancelled()) {
            return;
        }
        StringBuilder text = new StringBuilder(String.format("%,d files read again, %,d events in the case.",
                report.reread().files().size(), report.reread().eventsAfter()));
        if (!report.leftOut().isEmpty()) {
            text.append("\n\nLeft out (").append(report.leftOut().size()).append("):");
            report.leftOut().stream().limit(20).forEach(l -> text.append("\n• ").append(l.id()).append(": ").append(l.reason()));
        }
        text.append("\n\nThe previous index is kept in ").append(report.keptIn()).append(".");
        Alert done = alert(report.leftOut().isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING,
                "The index was rebuilt", text.toString(), ButtonType.OK);
        done.getDialogPane().setId("rebuilt");
        done.setOnHidden(e -> reopen.run());
        done.show();
    }

    private Alert alert(Alert.AlertType type, String header, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, text, buttons);
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.setTitle("Trail Workbench");
        alert.setHeaderText(header);
        return alert;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package org.trailworkbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.trailworkbench.casefile.Case;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The desktop application: opens the last case, or on first start a case built from the bundled
 * sample logs, so that a newcomer sees data at once.
 */
public final class WorkbenchApp extends Application {

    private Case openCase;

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Path home = Path.of(System.getProperty("trailworkbench.home", System.getProperty("user.home") + "/.trailworkbench"));
        Path caseDir = Path.of(System.getProperty("trailworkbench.case", home.resolve("cases/sample").toString()));
        openCase = Case.open(caseDir);
        MainWindow window = new MainWindow(openCase);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("Trail Workbench — " + caseDir);
        try (InputStream icon = WorkbenchApp.class.getResourceAsStream("app-icon-64.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        stage.setScene(scene);
        stage.show();
        Path samples = sampleLogs();
        if (openCase.manifest().size() == 0 && samples != null) {
            window.importFolder(samples);
        } else {
            window.runSearch();
        }
    }

    /** The bundled sample trail: next to the working directory when run from the repository. */
    static Path sampleLogs() {
        Path configured = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
        return Files.isDirectory(configured) ? configured : null;
    }

    @Override
    public void stop() throws IOException {
        if (openCase != null) {
            openCase.close();
        }
    }
}

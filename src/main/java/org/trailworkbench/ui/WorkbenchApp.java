package org.trailworkbench.ui;

import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.ui.cases.RecentCases;
import org.trailworkbench.ui.settings.Settings;
import org.trailworkbench.ui.tasks.TaskRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The desktop application: opens the case given with {@code -Dtrailworkbench.case}, else the last case,
 * else a case built from the bundled sample logs, so that a newcomer sees data at once.
 */
public final class WorkbenchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Path home = home();
        Settings settings = Settings.load(home.resolve("settings.properties"));
        MainWindow window = new MainWindow(stage, settings, TaskRunner.forWindow(),
                folder -> getHostServices().showDocument(folder.toUri().toString()));
        for (int size : new int[]{16, 32, 64, 128, 256}) {
            var icon = WorkbenchApp.class.getResource("app-icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.show();
        Path caseDir = firstCase(home, new RecentCases(settings));
        window.openCase(caseDir, opened -> {
            Path samples = sampleLogs();
            if (opened.manifest().size() == 0 && samples != null && opened.dir().equals(sampleCase(home))) {
                window.importPaths(List.of(samples));
            }
        });
    }

    static Path home() {
        return Path.of(System.getProperty("trailworkbench.home", System.getProperty("user.home") + "/.trailworkbench"));
    }

    static Path sampleCase(Path home) {
        return home.resolve("cases/sample").toAbsolutePath().normalize();
    }

    static Path firstCase(Path home, RecentCases recent) {
        String configured = System.getProperty("trailworkbench.case");
        if (configured != null) {
            return Path.of(configured);
        }
        Path last = recent.last();
        return last != null && Case.isCase(last) ? last : sampleCase(home);
    }

    /** The bundled sample trail: next to the working directory when run from the repository. */
    static Path sampleLogs() {
        Path configured = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
        return Files.isDirectory(configured) ? configured : null;
    }
}

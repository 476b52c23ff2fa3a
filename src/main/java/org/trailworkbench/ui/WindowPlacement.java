package org.trailworkbench.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.trailworkbench.ui.settings.Settings;

/**
 * Where the main window opens and how big: where the user left it, but always on a screen and never bigger
 * than that screen. A window sized on a large monitor and reopened on a laptop would otherwise open with its
 * status bar and detail pane out of reach (the default size alone, 1440 x 900, overflows a 1366 x 768 screen).
 */
final class WindowPlacement {

    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;
    /** Room for the window's title bar and borders, which the scene's size does not include. */
    private static final double DECORATIONS = 40;

    private final Settings settings;
    /** The remembered top-left corner, NaN when none. */
    private final double x;
    private final double y;
    /** The screen that holds that corner (a little inside it), or null when none does. */
    private final Screen remembered;

    WindowPlacement(Settings settings) {
        this.settings = settings;
        this.x = settings.getDouble("window.x", Double.NaN);
        this.y = settings.getDouble("window.y", Double.NaN);
        this.remembered = Double.isNaN(x) || Double.isNaN(y) ? null : Screen.getScreens().stream()
                .filter(s -> s.getVisualBounds().contains(x + 40, y + 20))
                .findFirst().orElse(null);
    }

    /** The scene's width: the remembered or default one, cut to the screen the window opens on. */
    double sceneWidth() {
        return Math.min(settings.getDouble("window.width", DEFAULT_WIDTH), screen().getWidth());
    }

    double sceneHeight() {
        return Math.min(settings.getDouble("window.height", DEFAULT_HEIGHT), screen().getHeight() - DECORATIONS);
    }

    /** Puts the stage where it was when that place is still on a screen; else the system places it. */
    void place(Stage stage) {
        if (remembered != null) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    void remember(Stage stage, Scene scene) {
        settings.put("window.maximized", String.valueOf(stage.isMaximized()));
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.put("window.x", String.valueOf(stage.getX()));
            settings.put("window.y", String.valueOf(stage.getY()));
            settings.put("window.width", String.valueOf(scene.getWidth()));
            settings.put("window.height", String.valueOf(scene.getHeight()));
        }
    }

    /** The visible area of the screen the window opens on. */
    private Rectangle2D screen() {
        return (remembered == null ? Screen.getPrimary() : remembered).getVisualBounds();
    }
}

package org.trailworkbench.ui.theme;

import javafx.scene.Scene;

/** Light or dark: one base stylesheet with named colours, and a dark sheet that redefines them. */
public enum Theme {
    LIGHT, DARK;

    private static final String BASE = "/org/trailworkbench/ui/workbench.css";
    private static final String DARK_SHEET = "/org/trailworkbench/ui/dark.css";

    public void apply(Scene scene, Icons icons) {
        scene.getStylesheets().setAll(Theme.class.getResource(BASE).toExternalForm());
        if (this == DARK) {
            scene.getStylesheets().add(Theme.class.getResource(DARK_SHEET).toExternalForm());
        }
        icons.darkProperty().set(this == DARK);
    }

    public static Theme parse(String name) {
        return "DARK".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}

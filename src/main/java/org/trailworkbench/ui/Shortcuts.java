package org.trailworkbench.ui;

import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut in one place, so the menus, the help and docs/UI.md agree. */
public final class Shortcuts {

    public static final KeyCombination FOCUS_QUERY = KeyCombination.keyCombination("Shortcut+L");
    public static final KeyCombination FOCUS_QUERY_ALT = KeyCombination.keyCombination("Shortcut+F");
    public static final KeyCombination RUN = KeyCombination.keyCombination("F5");
    public static final KeyCombination NEXT_EVENT = KeyCombination.keyCombination("Shortcut+Down");
    public static final KeyCombination PREVIOUS_EVENT = KeyCombination.keyCombination("Shortcut+Up");
    public static final KeyCombination COPY_JSON = KeyCombination.keyCombination("Shortcut+Shift+C");
    public static final KeyCombination OPEN_CASE = KeyCombination.keyCombination("Shortcut+O");
    public static final KeyCombination NEW_CASE = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination IMPORT_FILES = KeyCombination.keyCombination("Shortcut+I");
    public static final KeyCombination IMPORT_FOLDER = KeyCombination.keyCombination("Shortcut+Shift+I");
    public static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+E");
    public static final KeyCombination ZOOM_BACK = KeyCombination.keyCombination("Alt+Left");
    public static final KeyCombination COLUMNS = KeyCombination.keyCombination("Shortcut+Shift+K");
    public static final KeyCombination TOGGLE_UTC = KeyCombination.keyCombination("Shortcut+U");
    public static final KeyCombination DARK_THEME = KeyCombination.keyCombination("Shortcut+Shift+D");
    public static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");

    private Shortcuts() {
    }
}

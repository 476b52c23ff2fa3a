package org.trailworkbench.ui.cases;

import org.trailworkbench.ui.settings.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The cases opened last, newest first, as remembered in the settings. */
public final class RecentCases {

    public static final int MAX = 8;
    private static final String KEY = "case.recent";
    private static final String LAST = "case.last";

    private final Settings settings;

    public RecentCases(Settings settings) {
        this.settings = settings;
    }

    public List<Path> list() {
        return settings.getList(KEY).stream().map(Path::of).toList();
    }

    public Path last() {
        String last = settings.get(LAST, null);
        return last == null ? null : Path.of(last);
    }

    public void opened(Path dir) {
        String d = dir.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(settings.getList(KEY));
        list.remove(d);
        list.add(0, d);
        settings.putList(KEY, list.size() > MAX ? list.subList(0, MAX) : list);
        settings.put(LAST, d);
    }
}

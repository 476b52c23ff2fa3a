package org.trailworkbench.ui.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trailworkbench.files.AtomicFiles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the workbench remembers between runs (window placement, last and recent cases, columns, timeline
 * split, theme, time zone, query history), as a properties file in the workbench's home folder. A missing
 * or unreadable file means defaults: settings are a convenience, never a reason not to start.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private static final int MAX_LIST = 50;

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    public static Settings load(Path file) {
        Settings settings = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("the settings in {} could not be read; starting from the defaults", file, e);
                settings.values.clear(); // a damaged settings file: start from defaults, rewrite on save
            }
        }
        return settings;
    }

    public Path file() {
        return file;
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, String.valueOf(fallback)));
    }

    /** A list stored as numbered keys, so values may hold any character. */
    public synchronized List<String> getList(String key) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < MAX_LIST; i++) {
            String v = values.getProperty(key + "." + i);
            if (v == null) {
                break;
            }
            list.add(v);
        }
        return list;
    }

    public synchronized void putList(String key, List<String> list) {
        for (int i = 0; i < MAX_LIST; i++) {
            values.remove(key + "." + i);
        }
        for (int i = 0; i < Math.min(MAX_LIST, list.size()); i++) {
            values.setProperty(key + "." + i, list.get(i));
        }
    }

    /** Writes the file through a temporary one, so a crash mid-write keeps the previous settings. */
    public synchronized void save() throws IOException {
        AtomicFiles.write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            values.store(text, "Trail Workbench settings");
            text.flush();
        });
    }
}

package org.trailworkbench.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The two things the program itself asks of its logging (configured in {@code logback.xml}): where the log
 * file is, for the window's "Show log folder", and {@code --verbose}, which lets the workbench's own lines
 * reach the console. The only class that knows logback is the binding.
 */
public final class Logs {

    /** Named in logback.xml: the folder of the rolling log file. */
    static final String FOLDER_PROPERTY = "LOG_DIR";
    static final String CONSOLE = "CONSOLE";
    static final String APP_LOGGERS = "org.trailworkbench";

    private Logs() {
    }

    /** The folder of the log file, as logback was configured with it. */
    public static Path folder() {
        String configured = context().getProperty(FOLDER_PROPERTY);
        return Path.of(configured != null ? configured
                : System.getProperty("trailworkbench.logs", System.getProperty("user.home") + "/.trailworkbench/logs"));
    }

    /**
     * The workbench's DEBUG lines and up, on the console as well as in the file. Libraries stay at WARN:
     * their DEBUG (every HTTP header of every S3 request) would bury what the user asked to see.
     */
    public static void verbose() {
        LoggerContext context = context();
        context.getLogger(APP_LOGGERS).setLevel(Level.DEBUG);
        Appender<?> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
        if (console != null) {
            for (Filter<?> filter : console.getCopyOfAttachedFiltersList()) {
                if (filter instanceof ThresholdFilter threshold) {
                    threshold.setLevel(Level.DEBUG.levelStr);
                }
            }
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}

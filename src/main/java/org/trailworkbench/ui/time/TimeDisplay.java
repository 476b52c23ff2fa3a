package org.trailworkbench.ui.time;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * UTC or local time, the same everywhere in the window: the table, the timeline, the detail, the time
 * range fields. Views format through this and listen to {@link #utcProperty()} to redraw.
 */
public final class TimeDisplay {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_SHORT = DateTimeFormatter.ofPattern("MMM d");

    private final BooleanProperty utc = new SimpleBooleanProperty(true);
    private final ZoneId local;

    public TimeDisplay(ZoneId local) {
        this.local = local;
    }

    public BooleanProperty utcProperty() {
        return utc;
    }

    public ZoneId zone() {
        return utc.get() ? ZoneOffset.UTC : local;
    }

    /** "UTC" or the local zone's short name, for labels. */
    public String zoneName() {
        return utc.get() ? "UTC" : local.getId();
    }

    public String seconds(long millis) {
        return millis == Long.MIN_VALUE ? "" : SECONDS.format(Instant.ofEpochMilli(millis).atZone(zone()));
    }

    public String millis(long millis) {
        return millis == Long.MIN_VALUE ? "" : FULL.format(Instant.ofEpochMilli(millis).atZone(zone()));
    }

    public String minutes(long millis) {
        return MINUTES.format(Instant.ofEpochMilli(millis).atZone(zone()));
    }

    /** An axis tick: the clock within a day, the date at midnight. */
    public String tick(long millis, boolean coarse) {
        var t = Instant.ofEpochMilli(millis).atZone(zone());
        if (coarse || (t.getHour() == 0 && t.getMinute() == 0)) {
            return DAY_SHORT.format(t);
        }
        return CLOCK.format(t);
    }

    public String day(long millis) {
        return DAY.format(Instant.ofEpochMilli(millis).atZone(zone()));
    }

    /**
     * Reads what a user typed in a time field: an ISO instant with offset, or a date and time (seconds
     * optional, 'T' or space) in the displayed zone, or a date (its start, or its end when {@code end}).
     */
    public long parse(String text, boolean end) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not with an offset: try the local forms below
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not an instant
        }
        String iso = t.replace(' ', 'T');
        try {
            if (iso.length() == 16) {
                iso = iso + ":00";
            }
            return LocalDateTime.parse(iso).atZone(zone()).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not a date and time
        }
        try {
            LocalDate day = LocalDate.parse(t);
            return (end ? day.plusDays(1) : day).atStartOfDay(zone()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DateTimeException("'" + text + "' is not a time: use 2025-03-06 14:00 or 2025-03-06");
        }
    }
}

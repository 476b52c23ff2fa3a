package org.trailworkbench.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times as typed on the command line: an ISO instant ({@code 2024-05-14T06:00:00Z}), with an offset
 * ({@code +02:00}) or none (read as UTC), or a plain date. A date means the whole day in UTC: as the start
 * of a range its first instant, as the end its last, so {@code --from 2024-05-14 --to 2024-05-14} is that day.
 */
final class TimeArgs {

    private TimeArgs() {
    }

    /** The first instant the value includes. */
    static Instant start(String text) {
        return parse(text, false);
    }

    /** The first instant after the value: the exclusive end of a range. */
    static Instant end(String text) {
        return parse(text, true);
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: use YYYY-MM-DD, like 2024-05-14");
        }
    }

    private static Instant parse(String text, boolean end) {
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the other forms
        }
        try {
            LocalDate day = LocalDate.parse(t);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a time: use an ISO instant like 2024-05-14T06:00:00Z or a date like 2024-05-14");
        }
    }
}

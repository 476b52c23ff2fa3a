package org.trailworkbench.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Parses the time formats CloudTrail and its exports use, with a fast path for CloudTrail's own. */
public final class Timestamps {

    /** Event history writes "2022-02-08 09:23:37+11:00"; Logstash "2020-09-14T01:13:20.000Z". */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** Epoch milliseconds, or {@link ParsedEvent#NO_TIME} when the text is not a time we know. */
    public static long parseMillis(String text) {
        if (text == null) {
            return ParsedEvent.NO_TIME;
        }
        if (text.length() == 20 && text.charAt(19) == 'Z' && text.charAt(10) == 'T') {
            long fast = parseCloudTrailFormat(text);
            if (fast != ParsedEvent.NO_TIME) {
                return fast;
            }
        }
        try {
            var parsed = LENIENT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return ParsedEvent.NO_TIME;
        }
    }

    /** "2024-05-14T06:01:02Z" without the formatter machinery: import parses one of these per event. */
    private static long parseCloudTrailFormat(String s) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || hour > 23 || minute > 59 || second > 60) {
            return ParsedEvent.NO_TIME;
        }
        long epochDay = epochDay(year, month, day);
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Days since 1970-01-01 in the proleptic Gregorian calendar (the algorithm of java.time.LocalDate). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            boolean leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
            if (!leap) {
                total--;
            }
        }
        return total - 719528;
    }

    public static String format(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}

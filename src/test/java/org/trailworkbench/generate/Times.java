package org.trailworkbench.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * CloudTrail's time formats. {@link #iso} runs once per event, so it does the calendar arithmetic itself
 * instead of going through {@code DateTimeFormatter}; the file-name formats are rare and use java.time.
 */
final class Times {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_PATH =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** How IAM and EC2 print dates inside responseElements ("Mar 6, 2025 2:03:22 PM"). */
    private static final DateTimeFormatter AWS_SDK =
            DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, the eventTime format. */
    static String iso(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secs = (int) Math.floorMod(epochSecond, 86_400L);
        // Howard Hinnant's civil_from_days.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        char[] c = new char[20];
        put4(c, 0, (int) year);
        c[4] = '-';
        put2(c, 5, month);
        c[7] = '-';
        put2(c, 8, day);
        c[10] = 'T';
        put2(c, 11, secs / 3600);
        c[13] = ':';
        put2(c, 14, secs / 60 % 60);
        c[16] = ':';
        put2(c, 17, secs % 60);
        c[19] = 'Z';
        return new String(c);
    }

    static String iso(Instant instant) {
        return iso(instant.getEpochSecond());
    }

    /** {@code YYYYMMDDTHHmmZ}, the time in a log or Insights file name. */
    static String fileMinute(long epochSecond) {
        return MINUTE.format(Instant.ofEpochSecond(epochSecond));
    }

    /** {@code YYYYMMDDTHHmmssZ}, the time in a digest file name. */
    static String fileSecond(long epochSecond) {
        return SECOND.format(Instant.ofEpochSecond(epochSecond));
    }

    /** {@code YYYY/MM/DD}, the date folders of the S3 layout. */
    static String dayPath(long epochSecond) {
        return DAY_PATH.format(Instant.ofEpochSecond(epochSecond));
    }

    static String sdk(long epochSecond) {
        return AWS_SDK.format(Instant.ofEpochSecond(epochSecond));
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        put2(c, at, v / 100);
        put2(c, at + 2, v % 100);
    }
}

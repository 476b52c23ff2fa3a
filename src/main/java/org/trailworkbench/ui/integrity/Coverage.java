package org.trailworkbench.ui.integrity;

import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coverage picture: for each account and region, every UTC hour of the verified span and what vouches
 * for it. A digest covers the hour before its end time (ends fall a few minutes past the hour), so an hour
 * is given the digest that covers most of it: the one ending within half an hour either side of the hour's
 * end. The log files delivered in an hour can only make it worse, never better.
 */
final class Coverage {

    /** The state of one hour, from best to worst: a later state overrides an earlier. */
    enum Hour {
        /** Nothing: no digest, no log file (a gap in the evidence, or logging was off). */
        EMPTY("no digest"),
        PENDING("pending"),
        /** A valid digest covers it and every log file of the hour checks out. */
        VALID("covered by a valid digest"),
        /** Its log files could not be checked: the digest is missing or invalid. */
        UNCHECKED("could not be checked"),
        /** An invalid digest, or a log file that failed. */
        FAILED("failed");

        private final String words;

        Hour(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /** One row: an account and region, with a state per hour from {@link #start}. */
    record Row(String scope, Hour[] hours) {
        long count(Hour state) {
            long n = 0;
            for (Hour h : hours) {
                n += h == state ? 1 : 0;
            }
            return n;
        }
    }

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private final Instant start;
    private final List<Row> rows;

    private Coverage(Instant start, List<Row> rows) {
        this.start = start;
        this.rows = List.copyOf(rows);
    }

    static Coverage of(List<VerificationItem> items) {
        return ofLocated(items.stream().map(Located::of).toList());
    }

    /** From items whose places are known already: cheap enough to redo for every batch of verdicts. */
    static Coverage ofLocated(List<Located> items) {
        Instant min = null;
        Instant max = null;
        List<Placed> placed = new ArrayList<>();
        for (Located located : items) {
            VerificationItem item = located.item();
            if (item.kind() != ItemKind.DIGEST && item.kind() != ItemKind.LOG) {
                continue;
            }
            Place place = located.place();
            if (place.time() == null) {
                continue;
            }
            Instant hour = hourOf(item, place.time());
            placed.add(new Placed(place.scope(), hour, state(item)));
            min = min == null || hour.isBefore(min) ? hour : min;
            max = max == null || hour.isAfter(max) ? hour : max;
        }
        if (min == null) {
            return new Coverage(null, List.of());
        }
        int hours = (int) Duration.between(min, max).toHours() + 1;
        Map<String, Hour[]> byScope = new TreeMap<>();
        for (Placed p : placed) {
            Hour[] row = byScope.computeIfAbsent(p.scope, s -> {
                Hour[] empty = new Hour[hours];
                java.util.Arrays.fill(empty, Hour.EMPTY);
                return empty;
            });
            int i = (int) Duration.between(min, p.hour).toHours();
            if (p.state.compareTo(row[i]) > 0) {
                row[i] = p.state;
            }
        }
        List<Row> rows = new ArrayList<>();
        byScope.forEach((scope, row) -> rows.add(new Row(scope, row)));
        return new Coverage(min, rows);
    }

    /** A digest: the hour ending nearest its end time; a log file: the hour of its delivery minute. */
    private static Instant hourOf(VerificationItem item, Instant time) {
        if (item.kind() == ItemKind.DIGEST) {
            return time.minus(Duration.ofHours(1)).plus(HALF_HOUR).truncatedTo(ChronoUnit.HOURS);
        }
        return time.truncatedTo(ChronoUnit.HOURS);
    }

    private static Hour state(VerificationItem item) {
        Verdict v = item.verdict();
        return switch (v.category()) {
            case PENDING -> Hour.PENDING;
            case VALID, NOTICE -> Hour.VALID;
            case UNVERIFIED -> Hour.UNCHECKED;
            case INVALID -> Hour.FAILED;
        };
    }

    private record Placed(String scope, Instant hour, Hour state) {
    }

    /** The first hour, or null when nothing could be placed. */
    Instant start() {
        return start;
    }

    int hours() {
        return rows.isEmpty() ? 0 : rows.get(0).hours().length;
    }

    List<Row> rows() {
        return rows;
    }

    /** "2 hours covered, 1 gap, 3 not checked" style totals over every row. */
    long total(Hour state) {
        return rows.stream().mapToLong(r -> r.count(state)).sum();
    }
}

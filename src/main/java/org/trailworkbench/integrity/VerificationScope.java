package org.trailworkbench.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which part of the evidence to verify: accounts, regions (empty means all) and a time range of delivery
 * (null ends mean open). Decided from keys alone, so nothing outside is read, except the digest just
 * before the range, which the first digest in it links to.
 *
 * @param from first delivery instant included
 * @param to   first delivery instant excluded
 */
public record VerificationScope(Set<String> accounts, Set<String> regions, Instant from, Instant to) {

    public static final VerificationScope ALL = new VerificationScope(Set.of(), Set.of(), null, null);
    private static final Duration HOUR = Duration.ofHours(1);

    public VerificationScope {
        accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the time range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean isAll() {
        return accounts.isEmpty() && regions.isEmpty() && from == null && to == null;
    }

    boolean accepts(String account, String region) {
        return (accounts.isEmpty() || accounts.contains(account)) && (regions.isEmpty() || regions.contains(region));
    }

    /** A log file delivered at {@code delivered} (its name's minute). */
    boolean acceptsDelivery(Instant delivered) {
        return (from == null || !delivered.plusSeconds(59).isBefore(from)) && (to == null || delivered.isBefore(to));
    }

    /** A digest covering the hour before {@code end}: in scope when that hour meets the range. */
    boolean acceptsDigestEnd(Instant end) {
        return (from == null || end.isAfter(from)) && (to == null || end.minus(HOUR).isBefore(to));
    }
}

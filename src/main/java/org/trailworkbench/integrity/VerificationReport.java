package org.trailworkbench.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a verification, for the CLI, the JSON and HTML reports and the UI.
 *
 * @param items          every item, sorted by key
 * @param counts         items per verdict (only verdicts that occur)
 * @param fingerprints   fingerprints of the public keys that verified at least one digest
 * @param evidenceSha256 SHA-256 of the evidence set: of the lines {@code <hex SHA-256 of the file>  <key>\n}
 *                       of every file read, sorted by key in byte order, the same text {@code sha256sum}
 *                       prints for them
 * @param keysProblem    why no public key could be used at all, or null
 * @param coveredFrom    start of the oldest valid digest, or null when none is valid
 * @param coveredTo      end of the newest valid digest, or null
 */
public record VerificationReport(String source, VerificationScope scope, Instant started, Duration elapsed,
                                 List<VerificationItem> items, Map<Verdict, Long> counts, List<String> fingerprints,
                                 String evidenceSha256, String keysProblem, boolean cancelled, Instant coveredFrom,
                                 Instant coveredTo) {

    private static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    public VerificationReport {
        items = List.copyOf(items);
        counts = Map.copyOf(counts);
        fingerprints = List.copyOf(fingerprints);
    }

    static VerificationReport of(String source, VerificationScope scope, Instant started, Duration elapsed,
                                 List<VerificationItem> items, List<String> fingerprints, String keysProblem,
                                 boolean cancelled, List<DigestFile> validDigests) {
        List<VerificationItem> sorted = items.stream().sorted(VerificationItem::compare).toList();
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (VerificationItem item : sorted) {
            counts.merge(item.verdict(), 1L, Long::sum);
        }
        Instant from = validDigests.stream().map(DigestFile::start).filter(t -> t != null).min(Comparator.naturalOrder())
                .orElse(null);
        Instant to = validDigests.stream().map(DigestFile::end).filter(t -> t != null).max(Comparator.naturalOrder())
                .orElse(null);
        return new VerificationReport(source, scope, started, elapsed, sorted, counts, fingerprints,
                evidenceHash(sorted), keysProblem, cancelled, from, to);
    }

    private static String evidenceHash(List<VerificationItem> items) {
        MessageDigest sha = GzipHasher.sha256();
        items.stream().filter(i -> i.fileSha256() != null && i.kind() != ItemKind.GAP)
                .sorted(Comparator.comparing(VerificationItem::key, BYTE_ORDER))
                .forEach(i -> sha.update((i.fileSha256() + "  " + i.key() + "\n").getBytes(StandardCharsets.UTF_8)));
        return GzipHasher.hex(sha.digest());
    }

    public long count(Verdict verdict) {
        return counts.getOrDefault(verdict, 0L);
    }

    /** Items of one kind. */
    public long count(ItemKind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    /** Items of one kind whose verdict is in one category. */
    public long count(ItemKind kind, Verdict.Category category) {
        return items.stream().filter(i -> i.kind() == kind && i.verdict().category() == category).count();
    }

    /** Every item that makes the verification fail, in key order. */
    public List<VerificationItem> failures() {
        return items.stream().filter(i -> i.verdict().fails()).toList();
    }

    /**
     * Whether every digest and log file is valid (notices such as Insights files and gaps do not count).
     * Without a single digest nothing was verified, which is not the same as valid.
     */
    public boolean allValid() {
        return !cancelled && count(ItemKind.DIGEST) > 0
                && items.stream().noneMatch(i -> i.verdict().fails() || i.verdict() == Verdict.PENDING);
    }
}

package org.trailworkbench.ui.integrity;

import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationItem;
import org.trailworkbench.integrity.VerificationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an auditor reads first: one headline (all valid, or not, and how much was checked) and, when
 * something failed, where: one line per account, region and day with the failing verdicts and counts.
 *
 * @param ok       whether everything that can fail is valid
 * @param headline one sentence
 * @param where    the failures by place, worst places first; at most {@link #MAX_LINES}
 */
record Summary(boolean ok, String headline, List<String> where) {

    static final int MAX_LINES = 12;

    static Summary of(VerificationReport r) {
        long digests = r.count(ItemKind.DIGEST);
        long logs = r.count(ItemKind.LOG);
        String checked = String.format("%,d digest files and %,d log files", digests, logs);
        if (r.cancelled()) {
            return new Summary(false, "Cancelled: the verification is incomplete (" + checked + " listed).", where(r));
        }
        if (digests == 0) {
            return new Summary(false, "Nothing verified: no digest files were found"
                    + (r.keysProblem() == null ? "." : "; " + r.keysProblem()), where(r));
        }
        String span = r.coveredFrom() == null ? "" : ", covering " + r.coveredFrom() + " to " + r.coveredTo();
        if (r.allValid()) {
            return new Summary(true, "All valid: " + checked + span + ". Evidence SHA-256 " + r.evidenceSha256() + ".",
                    List.of());
        }
        List<VerificationItem> failures = r.failures();
        long invalid = failures.stream().filter(i -> i.verdict().category() == Verdict.Category.INVALID).count();
        long unchecked = failures.size() - invalid;
        StringBuilder head = new StringBuilder("NOT VALID: ");
        if (invalid > 0) {
            head.append(String.format("%,d %s INVALID", invalid, invalid == 1 ? "file" : "files"));
        }
        if (unchecked > 0) {
            head.append(invalid > 0 ? ", " : "").append(String.format("%,d NOT CHECKED", unchecked));
        }
        head.append(" of ").append(checked).append(span).append('.');
        if (r.keysProblem() != null) {
            head.append(' ').append(r.keysProblem());
        }
        return new Summary(false, head.toString(), where(r));
    }

    /** "111122223333 · us-east-1 · 2025-03-07: 1 × Log file: INVALID: hash value doesn't match". */
    private static List<String> where(VerificationReport r) {
        Map<String, Map<String, Integer>> byPlace = new TreeMap<>();
        for (VerificationItem item : r.failures()) {
            Place p = Place.of(item.key());
            byPlace.computeIfAbsent(p.scope() + " · " + p.day(), k -> new TreeMap<>())
                    .merge(item.verdict().label(), 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        byPlace.forEach((place, verdicts) -> {
            StringBuilder line = new StringBuilder(place).append(": ");
            verdicts.forEach((label, n) -> line.append(n).append(" × ").append(label).append("; "));
            lines.add(line.substring(0, line.length() - 2));
        });
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES;
            List<String> cut = new ArrayList<>(lines.subList(0, MAX_LINES));
            cut.add("… and " + more + " more places (filter the table by verdict to see them all)");
            return cut;
        }
        return lines;
    }
}

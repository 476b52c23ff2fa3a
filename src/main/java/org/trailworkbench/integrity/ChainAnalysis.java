package org.trailworkbench.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Looks at the digests together once each has been checked alone: follows every chain from digest to
 * previous digest, checks each link (hash and signature of the previous digest), finds the digests that
 * are missing (named by a successor, inferred from the hourly cadence between two present digests, or
 * after the end of a chain that stops too early) and the gaps where logging was off. Then says, for every
 * log file, which digest vouches for it, and which hours no valid digest covers.
 */
final class ChainAnalysis {
    static final Duration HOUR = Duration.ofHours(1);
    /** A runaway bound (a log named in the year 2099) must not become a million "missing" digests. */
    private static final int MAX_MISSING_AT_END = 24 * 31;

    /** A digest that should be there and is not. */
    record Missing(String key, Verdict verdict, String reason, String scope, Instant start, Instant end) {
    }

    /** The AWS CLI's gap: a chain restarts (null previous digest) after an earlier digest. */
    record Gap(String laterKey, Instant from, Instant to) {
        String text() {
            return "No log files were delivered by CloudTrail between " + from + " and " + to;
        }
    }

    /** An hour some digest covers (or should cover), and whether it can vouch for the log files in it. */
    record Window(Instant start, Instant end, String digestKey, boolean valid, String why) {
        boolean overlaps(Instant minute) {
            return start.isBefore(minute.plusSeconds(60)) && end.isAfter(minute);
        }
    }

    /** What a digest says about a log file. */
    record Expectation(String digestKey, String hashValue, boolean digestValid, String digestProblem) {
    }

    private final Map<String, DigestFile> digests;
    private final Function<String, DigestFile> outOfScope;
    private final VerificationScope scope;
    private final Map<String, KeyNames.FileName> presentLogs;

    final Map<String, Missing> missing = new LinkedHashMap<>();
    final List<Gap> gaps = new ArrayList<>();
    final Map<String, List<Window>> windows = new HashMap<>();
    final Map<String, Expectation> expected = new HashMap<>();

    /**
     * @param digests          the in-scope digests, checked; their verdicts are updated in place
     * @param outOfScope       checks a digest outside the scope by key (a chain's link to before the range),
     *                         or returns null when there is no such file
     * @param presentLogs      the log files present (key to what their name says)
     */
    ChainAnalysis(Map<String, DigestFile> digests, Function<String, DigestFile> outOfScope,
                  VerificationScope scope, Map<String, KeyNames.FileName> presentLogs) {
        this.digests = digests;
        this.outOfScope = outOfScope;
        this.scope = scope;
        this.presentLogs = presentLogs;
    }

    void run() {
        Map<String, List<DigestFile>> chains = new LinkedHashMap<>();
        for (DigestFile d : digests.values()) {
            if (d.name() != null && d.verdict() != Verdict.DIGEST_MOVED) {
                chains.computeIfAbsent(d.name().chain(), c -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Instant> trailGroupEnd = new HashMap<>();
        for (List<DigestFile> chain : chains.values()) {
            chain.sort(Comparator.comparing(DigestFile::sortTime).thenComparing(DigestFile::key));
            DigestFile newest = chain.get(chain.size() - 1);
            if (!newest.name().backfill()) {
                trailGroupEnd.merge(newest.name().trailGroup(), newest.sortTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (List<DigestFile> chain : chains.values()) {
            walk(chain);
        }
        for (DigestFile d : digests.values()) {
            cover(d);
        }
        Map<String, Instant> newestUnlisted = new HashMap<>();
        presentLogs.forEach((key, name) -> {
            if (!name.insights() && !expected.containsKey(key)) {
                newestUnlisted.merge(name.scope(), name.delivered(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        for (List<DigestFile> chain : chains.values()) {
            KeyNames.DigestName name = chain.get(0).name();
            if (!name.backfill()) {
                end(chain, trailGroupEnd.get(name.trailGroup()), newestUnlisted.get(name.scope()));
            }
        }
        for (Missing m : missing.values()) {
            windows.computeIfAbsent(m.scope(), s -> new ArrayList<>()).add(new Window(m.start(), m.end(), m.key(), false,
                    "its digest " + m.key() + " is missing"));
        }
    }

    private void walk(List<DigestFile> chain) {
        for (int i = 0; i < chain.size(); i++) {
            DigestFile d = chain.get(i);
            DigestFile older = i > 0 ? chain.get(i - 1) : null;
            if (!d.parsed()) {
                continue;
            }
            if (d.previousS3Object() == null) {
                if (older != null) {
                    gaps.add(new Gap(d.key(), older.sortTime(), d.start()));
                }
                continue;
            }
            String previousKey = d.name().prefix() + KeyNames.tail(d.previousS3Object());
            DigestFile previous = digests.get(previousKey);
            if (previous == null) {
                previous = outOfScope.apply(previousKey);
            }
            if (previous != null) {
                checkLink(d, previous);
            } else {
                missingBefore(d, previousKey, older);
            }
        }
    }

    /** Our check the AWS CLI leaves out: the successor's record of its predecessor must match it. */
    private void checkLink(DigestFile d, DigestFile previous) {
        if (!d.valid() || !signedOk(previous)) {
            return; // a digest that failed on its own already says what is wrong; a link to it proves nothing
        }
        if (d.previousHash() == null || !d.previousHash().equalsIgnoreCase(previous.contentSha256())) {
            update(d, Verdict.DIGEST_PREVIOUS_HASH_MISMATCH, "previousDigestHashValue is " + d.previousHash()
                    + " but the previous digest " + previous.key() + " hashes to " + previous.contentSha256()
                    + ": one of the two was changed after CloudTrail wrote them");
        } else if (d.previousSignature() == null || !d.previousSignature().equalsIgnoreCase(previous.signature())) {
            update(d, Verdict.DIGEST_PREVIOUS_SIGNATURE_MISMATCH, "previousDigestSignature does not match the signature of "
                    + previous.key());
        }
    }

    private void missingBefore(DigestFile d, String previousKey, DigestFile older) {
        KeyNames.DigestName previousName = KeyNames.digest(previousKey).orElse(null);
        Instant previousEnd = previousName != null ? previousName.end() : d.start();
        if (scope.from() != null && previousEnd != null && !previousEnd.isAfter(scope.from())) {
            return; // before the range the user asked for
        }
        String hint = movedCopy(d.previousHash());
        String reason = "named as previous digest by " + d.key() + (hint == null ? "" : "; " + hint);
        String chainScope = d.name().scope();
        Instant end = previousEnd != null ? previousEnd : d.sortTime();
        missing.putIfAbsent(previousKey, new Missing(previousKey, Verdict.DIGEST_NOT_FOUND, reason, chainScope,
                end.minus(HOUR), end));
        if (older == null || previousName == null) {
            return;
        }
        // Several digests in a row are gone: the present one before them ends more than an hour earlier.
        Instant floor = older.sortTime().plus(Duration.ofMinutes(30));
        for (Instant t = previousEnd.minus(HOUR); t.isAfter(floor); t = t.minus(HOUR)) {
            String key = previousName.keyAt(t);
            missing.putIfAbsent(key, new Missing(key, Verdict.DIGEST_MISSING_IN_CHAIN, "the hourly chain has no digest"
                    + " between " + older.key() + " and " + previousKey, chainScope, t.minus(HOUR), t));
        }
    }

    /**
     * The newest digest of a chain must not end before the hour of a log file no digest lists, nor before
     * the trail's other regions stop: digests come every hour, even for an hour without log files.
     */
    private void end(List<DigestFile> chain, Instant groupEnd, Instant newestUnlisted) {
        DigestFile newest = chain.get(chain.size() - 1);
        Instant end = newest.sortTime();
        int count = 0;
        for (Instant t = end.plus(HOUR); count < MAX_MISSING_AT_END; t = t.plus(HOUR), count++) {
            boolean bySiblings = !t.isAfter(groupEnd);
            // Only a log file certainly delivered after the hour began counts (names give the minute).
            boolean byLog = newestUnlisted != null && !newestUnlisted.isBefore(t.minus(HOUR));
            if (!bySiblings && !byLog || scope.to() != null && !t.minus(HOUR).isBefore(scope.to())) {
                break;
            }
            String why = byLog ? "a log file no digest lists was delivered at " + newestUnlisted
                    : "the trail's other regions have digests until " + groupEnd;
            String key = newest.name().keyAt(t);
            missing.putIfAbsent(key, new Missing(key, Verdict.DIGEST_MISSING_AT_END, "the chain ends with "
                    + newest.key() + " at " + end + ", but " + why, newest.name().scope(), t.minus(HOUR), t));
        }
    }

    private String movedCopy(String contentSha256) {
        if (contentSha256 == null) {
            return null;
        }
        for (DigestFile d : digests.values()) {
            if (contentSha256.equalsIgnoreCase(d.contentSha256())) {
                return "a digest with its content is at " + d.key();
            }
        }
        return null;
    }

    /** Records the hour a digest covers and the log files it lists. */
    private void cover(DigestFile d) {
        boolean inPlace = d.verdict() != Verdict.DIGEST_MOVED;
        // A digest whose own signature holds vouches for its log files even when its link back is broken.
        boolean vouches = signedOk(d);
        String problem = vouches ? null : "the digest " + d.key() + " that lists it is " + d.verdict().words()
                + (d.reason() == null ? "" : " (" + d.reason() + ")");
        if (d.name() != null && inPlace) {
            Instant end = d.sortTime();
            Instant start = d.start() != null ? d.start() : end.minus(HOUR);
            windows.computeIfAbsent(d.name().scope(), s -> new ArrayList<>())
                    .add(new Window(start, end, d.key(), vouches, vouches ? null
                            : "its digest " + d.key() + " is " + d.verdict().words()));
        }
        String prefix = KeyNames.prefix(d.key());
        for (DigestFile.ListedLog log : d.logFiles()) {
            if (log.s3Object() == null) {
                continue;
            }
            String key = prefix + KeyNames.tail(log.s3Object());
            Expectation e = new Expectation(d.key(), log.hashValue(), vouches, problem);
            expected.merge(key, e, (a, b) -> a.digestValid() ? a : b);
        }
    }

    /** Authentic on its own, whatever its own link says. */
    private static boolean signedOk(DigestFile d) {
        return d.valid() || d.verdict() == Verdict.DIGEST_PREVIOUS_HASH_MISMATCH
                || d.verdict() == Verdict.DIGEST_PREVIOUS_SIGNATURE_MISMATCH;
    }

    private void update(DigestFile d, Verdict verdict, String reason) {
        digests.put(d.key(), d.withVerdict(verdict, reason));
    }

    /** The digests, with their final verdicts. */
    Collection<DigestFile> digests() {
        return digests.values();
    }
}

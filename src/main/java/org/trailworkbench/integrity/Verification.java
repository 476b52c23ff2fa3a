package org.trailworkbench.integrity;

import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.TrailPath;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the integrity of an evidence set: every digest (format, place, signature, chain links), every
 * log file (hash of its content, gzip framing, whether any digest lists it), and what is missing. The
 * list of {@link #items()} is what a UI shows: one row per file or gap, pending until its verdict is known.
 *
 * <pre>
 * Verification v = new Verification(new FolderSource(dir, null), VerificationScope.ALL);
 * VerificationReport report = v.run(listener, cancellation);   // on a background thread
 * </pre>
 *
 * <p>Every file is read once, on all cores, each streamed through a 64 KiB buffer: memory depends on
 * the number of files (one small item each), not on their size.
 */
public final class Verification {
    private final EvidenceSource source;
    private final VerificationScope scope;
    private final int threads;
    private final List<VerificationItem> items = Collections.synchronizedList(new ArrayList<>());

    public Verification(EvidenceSource source, VerificationScope scope) {
        this(source, scope, Runtime.getRuntime().availableProcessors());
    }

    public Verification(EvidenceSource source, VerificationScope scope, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.source = source;
        this.scope = scope;
        this.threads = threads;
    }

    /** The items so far: a snapshot, safe to call while the verification runs. */
    public List<VerificationItem> items() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    /**
     * Runs the verification on the calling thread and its own workers. A cancelled run returns a report
     * with {@code cancelled()} true and the unfinished items still pending.
     *
     * @throws IOException when the source cannot be listed or its public keys cannot be read
     */
    public VerificationReport run(VerificationListener listener, Cancellation cancellation) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Run run = new Run(listener, cancellation);
        try {
            run.execute();
        } catch (CancellationException e) {
            run.cancelled = true;
        }
        run.progress.finish();
        return VerificationReport.of(source.describe(), scope, started, Duration.ofNanos(System.nanoTime() - t0),
                items(), run.fingerprints(), run.keysProblem, run.cancelled || cancellation.isCancelled(),
                run.validDigests());
    }

    /** The state of one run, so that the public class stays a small facade. */
    private final class Run {
        private final VerificationListener listener;
        private final Cancellation cancellation;
        private final ProgressMeter progress;
        private final Map<String, Long> digestObjects = new HashMap<>();
        private final Map<String, VerificationItem> byKey = new LinkedHashMap<>();
        private final Map<String, KeyNames.FileName> logNames = new HashMap<>();
        private final Map<String, Long> logSizes = new HashMap<>();
        private final Map<String, DigestFile> extraDigests = new ConcurrentHashMap<>();
        private final List<VerificationItem> logs = new ArrayList<>();
        private final List<VerificationItem> notCovered = new ArrayList<>();
        private final List<VerificationItem> digestItems = new ArrayList<>();
        private Map<String, DigestFile> digests;
        private DigestCheck check;
        private String keysProblem;
        private boolean cancelled;

        Run(VerificationListener listener, Cancellation cancellation) {
            this.listener = listener;
            this.cancellation = cancellation;
            this.progress = new ProgressMeter(listener);
        }

        void execute() throws IOException {
            progress.step("listing");
            classify(source.list(cancellation));
            PublicKeys keys = keys();
            keysProblem = keys.problem();
            check = new DigestCheck(source, keys);
            add(new ArrayList<>(byKey.values()));
            try (Workers workers = new Workers(threads, cancellation)) {
                progress.step("digests");
                digests = new ConcurrentHashMap<>();
                workers.each(digestItems, (item, hasher) -> {
                    digests.put(item.key(), check.check(item.key(), hasher));
                    progress.fileDone(item.size());
                });
                ChainAnalysis chains = new ChainAnalysis(digests, this::outOfScope, scope, logNames);
                chains.run();
                settleDigests(chains);
                List<LogPlan> plans = planLogs(chains);
                progress.step("log files");
                LogCheck logCheck = new LogCheck(source);
                workers.each(plans, (plan, hasher) -> {
                    logCheck.check(plan, hasher);
                    listener.itemSettled(plan.item());
                    progress.fileDone(plan.item().size());
                });
                workers.each(notCovered, (item, hasher) -> {
                    logCheck.notCovered(item, hasher);
                    listener.itemSettled(item);
                    progress.fileDone(item.size());
                });
            }
            progress.step("done");
        }

        /** Keys for the regions and hours of the digests in scope, and the hour before them (the link back). */
        private PublicKeys keys() throws IOException {
            java.util.Set<String> regions = new java.util.TreeSet<>();
            Instant first = null;
            Instant last = null;
            for (VerificationItem item : digestItems) {
                Optional<KeyNames.DigestName> name = KeyNames.digest(item.key());
                if (name.isPresent()) {
                    regions.add(name.get().region());
                    Instant end = name.get().end();
                    first = first == null || end.isBefore(first) ? end : first;
                    last = last == null || end.isAfter(last) ? end : last;
                }
            }
            return source.publicKeys(regions, first == null ? null : first.minus(Duration.ofHours(2)), last);
        }

        /** Sorts the listing into digests, log files, Insights files and others, keeping what is in scope. */
        private void classify(List<EvidenceSource.EvidenceObject> objects) {
            for (EvidenceSource.EvidenceObject o : objects) {
                String key = o.key();
                Optional<KeyNames.DigestName> digest = KeyNames.digest(key);
                Optional<TrailPath> path = TrailPath.parse(key);
                FileKind kind = digest.isPresent() ? FileKind.DIGEST : path.map(TrailPath::kind).orElse(null);
                if (kind == FileKind.DIGEST) {
                    digestObjects.put(key, o.size());
                    boolean inScope = digest.map(d -> scope.accepts(d.account(), d.region()) && scope.acceptsDigestEnd(d.end()))
                            .orElseGet(() -> scope.isAll() || path.isPresent() && scope.accepts(path.get().account(), path.get().region())
                                    && scope.from() == null && scope.to() == null);
                    if (inScope) {
                        digestItems.add(item(ItemKind.DIGEST, key, o.size()));
                    }
                    continue;
                }
                Optional<KeyNames.FileName> name = KeyNames.file(key);
                boolean inScope = path.map(p -> scope.accepts(p.account(), p.region())).orElse(scope.isAll())
                        && name.map(n -> scope.acceptsDelivery(n.delivered())).orElse(scope.from() == null && scope.to() == null);
                if (kind == FileKind.EVENTS) {
                    logSizes.put(key, o.size());
                    name.filter(n -> !n.insights()).ifPresent(n -> logNames.put(key, n));
                }
                if (!inScope) {
                    continue;
                }
                if (kind == FileKind.EVENTS) {
                    logs.add(item(ItemKind.LOG, key, o.size()));
                } else {
                    notCovered.add(item(kind == FileKind.INSIGHTS ? ItemKind.INSIGHTS : ItemKind.OTHER, key, o.size()));
                }
            }
            for (VerificationItem i : byKey.values()) {
                progress.addTotal(i.size());
            }
        }

        private VerificationItem item(ItemKind kind, String key, long size) {
            VerificationItem item = new VerificationItem(kind, key, source.location(key), size);
            byKey.put(kind.name() + " " + key, item);
            return item;
        }

        private void add(List<VerificationItem> added) {
            if (added.isEmpty()) {
                return;
            }
            items.addAll(added);
            listener.itemsAdded(List.copyOf(added));
        }

        /** A digest outside the scope that an in-scope one links to: checked on demand, once. */
        private DigestFile outOfScope(String key) {
            if (!digestObjects.containsKey(key)) {
                return null;
            }
            return extraDigests.computeIfAbsent(key, k -> {
                try (GzipHasher hasher = new GzipHasher()) {
                    return check.check(k, hasher);
                }
            });
        }

        private void settleDigests(ChainAnalysis chains) {
            for (VerificationItem item : digestItems) {
                DigestFile d = digests.get(item.key());
                if (d != null) {
                    item.settle(d.verdict(), d.reason(), null, d.fileSha256());
                    listener.itemSettled(item);
                }
            }
            List<VerificationItem> added = new ArrayList<>();
            for (ChainAnalysis.Missing m : chains.missing.values()) {
                VerificationItem item = new VerificationItem(ItemKind.DIGEST, m.key(), source.location(m.key()), -1);
                item.settle(m.verdict(), m.reason() + " (covering " + m.start() + " to " + m.end() + ")", null, null);
                added.add(item);
            }
            for (ChainAnalysis.Gap g : chains.gaps) {
                VerificationItem item = new VerificationItem(ItemKind.GAP, g.laterKey(), g.text(), -1);
                item.settle(Verdict.GAP, g.text(), null, null);
                added.add(item);
            }
            add(added);
        }

        /** Decides what each log file is checked against; adds the listed files that are absent. */
        private List<LogPlan> planLogs(ChainAnalysis chains) {
            List<LogPlan> plans = new ArrayList<>();
            Map<String, VerificationItem> logByKey = new HashMap<>();
            for (VerificationItem item : logs) {
                logByKey.put(item.key(), item);
            }
            List<VerificationItem> added = new ArrayList<>();
            for (Map.Entry<String, ChainAnalysis.Expectation> e : chains.expected.entrySet()) {
                if (logByKey.containsKey(e.getKey())) {
                    continue;
                }
                // Listed by a digest in scope: present but outside the time range by its name, or absent.
                Long size = logSizes.get(e.getKey());
                VerificationItem item = new VerificationItem(ItemKind.LOG, e.getKey(), source.location(e.getKey()),
                        size == null ? -1 : size);
                if (size == null) {
                    ChainAnalysis.Expectation x = e.getValue();
                    item.settle(Verdict.LOG_NOT_FOUND, "listed in " + x.digestKey()
                            + (x.digestValid() ? "" : ", but " + x.digestProblem()), x.digestKey(), null);
                } else {
                    logByKey.put(e.getKey(), item);
                    logs.add(item);
                    progress.addTotal(size);
                }
                added.add(item);
            }
            add(added);
            for (VerificationItem item : logs) {
                plans.add(LogPlan.of(item, chains.expected.get(item.key()), logNames.get(item.key()), chains.windows));
            }
            return plans;
        }

        List<DigestFile> validDigests() {
            return digests == null ? List.of() : digests.values().stream().filter(DigestFile::valid).toList();
        }

        List<String> fingerprints() {
            if (digests == null) {
                return List.of();
            }
            return digests.values().stream().filter(DigestFile::valid).map(DigestFile::fingerprint).distinct().sorted()
                    .toList();
        }
    }
}

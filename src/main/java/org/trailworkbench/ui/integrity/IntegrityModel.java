package org.trailworkbench.ui.integrity;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.trailworkbench.integrity.EvidenceSource;
import org.trailworkbench.integrity.FolderSource;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.Verification;
import org.trailworkbench.integrity.VerificationItem;
import org.trailworkbench.integrity.VerificationListener;
import org.trailworkbench.integrity.VerificationProgress;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.integrity.VerificationScope;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Source;
import org.trailworkbench.ui.tasks.Running;
import org.trailworkbench.ui.tasks.TaskRunner;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One verification as the view sees it: the items (added as the engine lists them, each settled in
 * place), the progress, and at the end the report. Engine callbacks come from worker threads; they are
 * gathered into one {@link Batch} a few times a second, prepared off the FX thread (places read from the
 * keys, the coverage grid computed), and handed over whole, so that the view does one refresh per batch
 * whose cost is the batch's size.
 */
final class IntegrityModel {

    static final long BATCH_MILLIS = 200;
    /** New or settled files handed to the FX thread at once: a few milliseconds of tree work. */
    static final int SLICE = 500;
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "integrity-view-batches");
        t.setDaemon(true);
        return t;
    });

    /**
     * What changed since the last batch.
     *
     * @param added    new items, with their places
     * @param settled  items listed earlier that got their verdict
     * @param progress the newest progress, or null
     * @param coverage the grid over every item so far, or null when no item was added or settled
     * @param verdicts every verdict among the items so far
     */
    record Batch(List<Located> added, List<VerificationItem> settled, VerificationProgress progress, Coverage coverage,
                 Set<Verdict> verdicts) {
    }

    private final TaskRunner tasks;
    /** Every item of the current run with its place, in the order listed; on the FX thread. */
    private final List<Located> items = new ArrayList<>();
    private final ObjectProperty<Batch> batch = new SimpleObjectProperty<>();
    private final ObjectProperty<VerificationReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private Running<VerificationReport> current;

    IntegrityModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /**
     * Verifies a folder or {@code s3://bucket/prefix} in the background; a run still going is cancelled.
     *
     * @param aws how to reach S3 (ignored for a folder)
     */
    void start(String where, AwsSettings aws) {
        cancel();
        items.clear();
        report.set(null);
        failure.set(null);
        batch.set(null);
        source.set(where);
        running.set(true);
        Batches batches = new Batches();
        Running<VerificationReport> run = tasks.run(cancel -> {
            EvidenceSource evidence = open(where, aws);
            try {
                return new Verification(evidence, VerificationScope.ALL, threads(evidence)).run(batches, cancel);
            } finally {
                if (evidence instanceof S3Source bucket) {
                    bucket.close();
                }
                batches.last(); // handed over before the outcome: the view has every item when the report comes
            }
        }, done -> batches.then(() -> {
            report.set(done);
            running.set(false);
        }), error -> batches.then(() -> {
            failure.set(error);
            running.set(false);
        }));
        batches.run = run;
        current = run;
    }

    private static EvidenceSource open(String where, AwsSettings aws) throws Exception {
        if (S3Location.isS3(where)) {
            return S3Source.open(S3Location.parse(where.strip()), aws, null);
        }
        Path folder = Path.of(where.strip());
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        return new FolderSource(folder, null);
    }

    private static int threads(EvidenceSource evidence) {
        return evidence instanceof S3Source bucket ? bucket.threads() : Runtime.getRuntime().availableProcessors();
    }

    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Every item so far with its place; read on the FX thread. */
    List<Located> items() {
        return items;
    }

    /** The newest batch: each one is news once (a listener reacts to every change). */
    ReadOnlyObjectProperty<Batch> batchProperty() {
        return batch;
    }

    ReadOnlyObjectProperty<VerificationReport> reportProperty() {
        return report;
    }

    ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    ReadOnlyObjectProperty<String> sourceProperty() {
        return source;
    }

    /** Collects the engine's calls on its threads; prepares a batch at most every {@value #BATCH_MILLIS} ms. */
    private final class Batches implements VerificationListener {
        private final ConcurrentLinkedQueue<VerificationItem> added = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<VerificationItem> settled = new ConcurrentLinkedQueue<>();
        private final AtomicReference<VerificationProgress> latest = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** Slices (and at last the outcome) for the FX thread, in order; applyOne is queued there while draining. */
        private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        /** Every item so far, for the coverage grid; guarded by this. */
        private final List<Located> all = new ArrayList<>();
        private final Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        volatile Running<VerificationReport> run;

        @Override
        public void itemsAdded(List<VerificationItem> list) {
            added.addAll(list);
            schedule();
        }

        @Override
        public void itemSettled(VerificationItem item) {
            settled.add(item);
            schedule();
        }

        @Override
        public void progress(VerificationProgress p) {
            latest.set(p);
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                TICKS.schedule(this::handOver, BATCH_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        /** On the worker thread when the verification ends: what the ticks have not handed over yet. */
        void last() {
            handOver();
        }

        private synchronized void handOver() {
            scheduled.set(false);
            Batch next = prepare();
            if (next == null) {
                return;
            }
            // thousands of files listed or settled at once go over in slices, and the FX thread takes one
            // slice at a time with its other work (input, layout, painting) in between
            List<Located> added = next.added();
            List<VerificationItem> settledNow = next.settled();
            int a = 0;
            int s = 0;
            do {
                int aEnd = Math.min(added.size(), a + SLICE);
                int sEnd = aEnd < added.size() ? s : Math.min(settledNow.size(), s + SLICE);
                boolean last = aEnd == added.size() && sEnd == settledNow.size();
                Batch slice = new Batch(added.subList(a, aEnd), settledNow.subList(s, sEnd),
                        last ? next.progress() : null, last ? next.coverage() : null, next.verdicts());
                queue.add(() -> {
                    items.addAll(slice.added());
                    batch.set(slice);
                });
                a = aEnd;
                s = sEnd;
            } while (a < added.size() || s < settledNow.size());
            drain();
        }

        /** On the FX thread, after the slices handed over so far: the outcome comes after every item. */
        void then(Runnable outcome) {
            queue.add(outcome);
            drain();
        }

        private void drain() {
            if (draining.compareAndSet(false, true)) {
                tasks.onFx(this::applyOne);
            }
        }

        /** On the FX thread: one slice, then the FX thread's other work, then the next slice. */
        private void applyOne() {
            Runnable next = queue.poll();
            if (next != null && run == current) { // else a newer run replaced this one
                next.run();
            }
            if (!queue.isEmpty()) {
                tasks.onFx(this::applyOne);
                return;
            }
            draining.set(false);
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) { // a slice came in meanwhile
                tasks.onFx(this::applyOne);
            }
        }

        private Batch prepare() {
            List<Located> newItems = new ArrayList<>();
            for (VerificationItem item; (item = added.poll()) != null; ) {
                newItems.add(Located.of(item));
            }
            List<VerificationItem> newVerdicts = new ArrayList<>();
            for (VerificationItem item; (item = settled.poll()) != null; ) {
                newVerdicts.add(item);
            }
            VerificationProgress p = latest.getAndSet(null);
            if (newItems.isEmpty() && newVerdicts.isEmpty() && p == null) {
                return null;
            }
            Coverage coverage = null;
            if (!newItems.isEmpty() || !newVerdicts.isEmpty()) {
                all.addAll(newItems);
                verdicts.clear();
                all.forEach(l -> verdicts.add(l.item().verdict()));
                coverage = Coverage.ofLocated(all);
            }
            return new Batch(newItems, newVerdicts, p, coverage, verdicts.isEmpty() ? Set.of() : EnumSet.copyOf(verdicts));
        }
    }
}

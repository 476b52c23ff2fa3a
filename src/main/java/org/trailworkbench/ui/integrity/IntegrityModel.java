package org.trailworkbench.ui.integrity;

import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.trailworkbench.integrity.EvidenceSource;
import org.trailworkbench.integrity.FolderSource;
import org.trailworkbench.integrity.Verification;
import org.trailworkbench.integrity.VerificationItem;
import org.trailworkbench.integrity.VerificationListener;
import org.trailworkbench.integrity.VerificationProgress;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.integrity.VerificationScope;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.s3.S3Location;
import org.trailworkbench.s3.S3Source;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.FxTasks;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One verification as the view sees it: the items (added as the engine lists them, each settled in
 * place), the progress, and at the end the report. Engine callbacks come from worker threads; they are
 * gathered and handed to the FX thread a few times a second, so that ten thousand verdicts cost a few
 * redraws, not ten thousand.
 */
final class IntegrityModel {

    private static final long BATCH_MILLIS = 200;
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "integrity-view-batches");
        t.setDaemon(true);
        return t;
    });

    private final ObservableList<VerificationItem> items = FXCollections.observableArrayList();
    /** Bumped whenever an item already listed got its verdict: the view redraws. */
    private final LongProperty settled = new SimpleLongProperty();
    private final ObjectProperty<VerificationProgress> progress = new SimpleObjectProperty<>();
    private final ObjectProperty<VerificationReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private Cancellation cancellation = new Cancellation();

    /**
     * Verifies a folder or {@code s3://bucket/prefix} in the background; a run still going is cancelled.
     *
     * @param aws how to reach S3 (ignored for a folder)
     */
    void start(String where, AwsSettings aws) {
        cancel();
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        items.clear();
        report.set(null);
        failure.set(null);
        progress.set(null);
        source.set(where);
        running.set(true);
        Batches batches = new Batches(cancel);
        FxTasks.run(() -> {
            EvidenceSource evidence = open(where, aws);
            try {
                return new Verification(evidence, VerificationScope.ALL, threads(evidence)).run(batches, cancel);
            } finally {
                if (evidence instanceof S3Source s3) {
                    s3.close();
                }
            }
        }, done -> {
            if (cancellation == cancel) {
                batches.flush();
                report.set(done);
                running.set(false);
            }
        }, error -> {
            if (cancellation == cancel) {
                batches.flush();
                failure.set(error);
                running.set(false);
            }
        });
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
        cancellation.cancel();
    }

    ObservableList<VerificationItem> items() {
        return items;
    }

    ReadOnlyLongProperty settledProperty() {
        return settled;
    }

    ReadOnlyObjectProperty<VerificationProgress> progressProperty() {
        return progress;
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

    /** Collects the engine's calls on its threads; hands them over on the FX thread at most every 200 ms. */
    private final class Batches implements VerificationListener {
        private final Cancellation run;
        private final ConcurrentLinkedQueue<List<VerificationItem>> added = new ConcurrentLinkedQueue<>();
        private final AtomicReference<VerificationProgress> latest = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean anySettled;

        Batches(Cancellation run) {
            this.run = run;
        }

        @Override
        public void itemsAdded(List<VerificationItem> list) {
            added.add(List.copyOf(list));
            schedule();
        }

        @Override
        public void itemSettled(VerificationItem item) {
            anySettled = true;
            schedule();
        }

        @Override
        public void progress(VerificationProgress p) {
            latest.set(p);
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                TICKS.schedule(() -> Platform.runLater(this::flush), BATCH_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        /** On the FX thread. */
        void flush() {
            scheduled.set(false);
            if (cancellation != run) {
                return; // a newer run replaced this one
            }
            List<VerificationItem> batch;
            while ((batch = added.poll()) != null) {
                items.addAll(batch);
            }
            VerificationProgress p = latest.getAndSet(null);
            if (p != null) {
                progress.set(p);
            }
            if (anySettled) {
                anySettled = false;
                settled.set(settled.get() + 1);
            }
        }
    }
}

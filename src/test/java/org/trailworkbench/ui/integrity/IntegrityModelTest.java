package org.trailworkbench.ui.integrity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.VerificationReport;
import org.trailworkbench.s3.AwsSettings;
import org.trailworkbench.ui.tasks.TaskRunner;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Verify view's model without a window or a toolkit: the task runner's "FX thread" is this test's
 * thread, which drains a queue, so the order in which the model hands things over is what is checked.
 */
class IntegrityModelTest {

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final IntegrityModel model = new IntegrityModel(new TaskRunner(background, fx::add));

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void everyItemArrivesInBatchesBeforeTheReport() throws Exception {
        int[] batches = {0};
        int[] itemsWhenReported = {-1};
        model.batchProperty().addListener((obs, o, batch) -> {
            if (batch != null) {
                batches[0]++;
                assertThat(batch.added().size()).isLessThanOrEqualTo(IntegrityModel.SLICE);
                assertThat(batch.settled().size()).isLessThanOrEqualTo(IntegrityModel.SLICE);
            }
        });
        model.reportProperty().addListener((obs, o, r) -> itemsWhenReported[0] = model.items().size());

        model.start(IntegrityViewTest.sampleLogs().toString(), AwsSettings.defaults());
        assertThat(model.runningProperty().get()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (model.reportProperty().get() == null && model.failureProperty().get() == null) {
            Runnable next = fx.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(next).as("an update within two minutes").isNotNull();
            next.run();
        }

        VerificationReport report = model.reportProperty().get();
        assertThat(model.failureProperty().get()).isNull();
        assertThat(report.allValid()).isTrue();
        assertThat(itemsWhenReported[0]).isEqualTo(report.items().size());
        assertThat(model.items()).extracting(Located::item).containsExactlyInAnyOrderElementsOf(report.items());
        // a listing of more files than a slice holds went over in several
        assertThat(batches[0]).isGreaterThan(report.items().size() / IntegrityModel.SLICE);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(report.count(ItemKind.DIGEST)).isPositive();
    }

    @Test
    void aMissingFolderIsAFailureNotAReport() throws Exception {
        model.start(IntegrityViewTest.sampleLogs().resolve("no-such-folder").toString(), AwsSettings.defaults());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (model.failureProperty().get() == null) {
            Runnable next = fx.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(next).isNotNull();
            next.run();
        }
        assertThat(model.failureProperty().get()).isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(model.reportProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isFalse();
    }
}

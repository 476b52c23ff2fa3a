package org.trailworkbench.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What the UI sees: items that go from pending to a verdict, progress, and cancellation. */
class VerificationApiTest {
    @TempDir
    static Path dir;
    static GeneratedTrail trail;

    @BeforeAll
    static void generate() throws IOException {
        trail = new TrailGenerator(TrailSpec.builder().seed(5).start(Instant.parse("2025-03-06T00:00:00Z")).days(1)
                .eventsPerDay(500).build()).generate(dir.resolve("trail"));
    }

    @Test
    void itemsArriveAsPendingAndAreSettledOnceWithProgressToTheEnd() throws IOException {
        List<VerificationItem> added = Collections.synchronizedList(new ArrayList<>());
        List<Verdict> firstSeen = Collections.synchronizedList(new ArrayList<>());
        List<VerificationItem> settled = Collections.synchronizedList(new ArrayList<>());
        List<VerificationProgress> progress = Collections.synchronizedList(new ArrayList<>());
        Verification v = new Verification(new FolderSource(trail.root(), null), VerificationScope.ALL, 2);
        VerificationReport r = v.run(new VerificationListener() {
            @Override
            public void itemsAdded(List<VerificationItem> items) {
                added.addAll(items);
                items.forEach(i -> firstSeen.add(i.verdict()));
            }

            @Override
            public void itemSettled(VerificationItem item) {
                settled.add(item);
            }

            @Override
            public void progress(VerificationProgress p) {
                progress.add(p);
            }
        }, Cancellation.none());

        long files = trail.counts().digests() + trail.counts().logFiles() + trail.counts().insightsFiles();
        assertThat(added).hasSize((int) files);
        assertThat(firstSeen).containsOnly(Verdict.PENDING);
        assertThat(settled).hasSize((int) files).doesNotHaveDuplicates();
        assertThat(v.items()).hasSize((int) files).allSatisfy(i -> assertThat(i.isSettled()).isTrue());
        VerificationProgress last = progress.get(progress.size() - 1);
        assertThat(last.step()).isEqualTo("done");
        assertThat(last.filesDone()).isEqualTo(last.filesTotal()).isEqualTo(files);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(r.allValid()).isTrue();
    }

    @Test
    void cancellingStopsTheRunAndLeavesTheRestPending() throws IOException {
        Cancellation cancel = new Cancellation();
        AtomicInteger settledAfterCancel = new AtomicInteger();
        Verification v = new Verification(new FolderSource(trail.root(), null), VerificationScope.ALL, 1);
        VerificationReport r = v.run(new VerificationListener() {
            @Override
            public void itemSettled(VerificationItem item) {
                if (cancel.isCancelled()) {
                    settledAfterCancel.incrementAndGet();
                }
                cancel.cancel();
            }
        }, cancel);

        assertThat(r.cancelled()).isTrue();
        assertThat(r.allValid()).isFalse();
        assertThat(r.count(Verdict.PENDING)).isPositive();
        assertThat(settledAfterCancel.get()).isLessThan(30);
    }
}

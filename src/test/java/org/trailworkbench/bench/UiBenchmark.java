package org.trailworkbench.bench;

import javafx.application.Platform;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.FxWatchdog;
import org.trailworkbench.ui.MainWindow;
import org.trailworkbench.ui.settings.Settings;
import org.trailworkbench.ui.table.EventTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The workbench window on a big case: from Enter to the table, facets and timeline updated on screen
 * (median over repeated runs of several queries), when the full row list is ready, and the longest FX thread
 * stall while the table is scrolled from top to bottom. Runs headless (Monocle, software rendering). The
 * corpus and case are cached under the work folder and reused:
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.class=org.trailworkbench.bench.UiBenchmark \
 *     -Dbench.events=1000000 -Dbench.work=target/bench-ui -Dbench.heap=2g
 * </pre>
 * {@code -Dbench.mode=scroll} measures the scrolling only; {@code -Dbench.record=true} keeps a flight
 * recording of a drag that stalls over 100 ms (off by default: starting JFR stalls the first drag itself).
 */
public final class UiBenchmark {

    private static final int WARMUP = 3;
    private static final int RUNS = 11;
    private static final boolean RECORD = Boolean.getBoolean("bench.record");

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable failed) { // the FX thread would keep the JVM alive
            failed.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        long events = Long.parseLong(arg(args, "--events", "1000000"));
        Path work = Path.of(arg(args, "--work", "target/bench-ui"));
        Path caseDir = prepare(work, events);
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Path settings = Files.createTempDirectory("tw-bench-settings");
        MainWindow window = onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, Settings.load(settings.resolve("settings.properties")));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            w.openCase(caseDir, null);
            return w;
        });
        waitUntil(() -> window.model().responseProperty().get() != null && !window.model().searchingProperty().get(), 600);
        long total = onFx(() -> window.model().caseStatsProperty().get().events());
        System.out.printf("## Workbench window (%s events, %d cores, heap %d MB, headless software rendering, load average %.1f)%n%n",
                String.format("%,d", total), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!arg(args, "--mode", "all").equals("scroll")) {
            enterToUpdated(window);
        }
        scrolling(window);
        Platform.exit();
    }

    private static void enterToUpdated(MainWindow window) throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("everything", "");
        queries.put("eventName:AssumeRole", "eventName:AssumeRole");
        queries.put("errors", "_exists_:errorCode");
        queries.put("bare word", "accessdenied");
        queries.put("wildcard", "eventName:Describe*");
        queries.put("writes by roles", "userIdentity.type:AssumedRole AND readOnly:false");
        System.out.println("From Enter to the table, facets and timeline drawn (first layout pulse after the answer), and to"
                + " the full row list (every hit's position, for scrolling anywhere):");
        System.out.println();
        System.out.println("| query | hits | Enter → updated, median ms | p90 ms | of which search (SearchService), median ms | Enter → row list, median ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        List<Double> medians = new ArrayList<>();
        for (var q : queries.entrySet()) {
            double[] shown = new double[RUNS];
            double[] listed = new double[RUNS];
            double[] took = new double[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                // alternate with another query so that every run really changes what is on screen
                runAndWait(window, "eventSource:kms.amazonaws.com");
                double[] t = runAndWait(window, q.getValue());
                if (i >= WARMUP) {
                    shown[i - WARMUP] = t[0];
                    listed[i - WARMUP] = t[1];
                    took[i - WARMUP] = onFx(() -> (double) window.model().responseProperty().get().tookMillis());
                }
            }
            Arrays.sort(shown);
            Arrays.sort(listed);
            Arrays.sort(took);
            long hits = onFx(() -> window.model().responseProperty().get().total());
            medians.add(shown[RUNS / 2]);
            System.out.printf("| `%s` | %,d | %.0f | %.0f | %.0f | %.0f |%n", q.getKey(), hits, shown[RUNS / 2],
                    shown[(int) (RUNS * 0.9)], took[RUNS / 2], listed[RUNS / 2]);
        }
        medians.sort(Double::compare);
        System.out.printf("%n- median of the medians, Enter → updated: **%.0f ms** (target < 200 ms)%n%n", medians.get(medians.size() / 2));
    }

    /** @return ms from Enter to the first layout pulse after the answer, and to the row list */
    private static double[] runAndWait(MainWindow window, String query) throws Exception {
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        CompletableFuture<Long> listed = new CompletableFuture<>();
        long[] start = new long[1];
        onFx(() -> {
            var scene = window.scene();
            Runnable[] pulse = new Runnable[1];
            pulse[0] = () -> {
                if (window.model().responseProperty().get() != null && window.model().queryProperty().get().equals(query)
                        && answered[0]) {
                    scene.removePostLayoutPulseListener(pulse[0]);
                    drawn.complete(System.nanoTime());
                }
            };
            answered[0] = false;
            window.model().responseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends org.trailworkbench.search.SearchResponse> o,
                                    org.trailworkbench.search.SearchResponse a, org.trailworkbench.search.SearchResponse b) {
                    o.removeListener(this);
                    answered[0] = true;
                    scene.addPostLayoutPulseListener(pulse[0]);
                    Platform.requestNextPulse();
                }
            });
            window.model().hitListProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends org.trailworkbench.search.RowSource> o,
                                    org.trailworkbench.search.RowSource a, org.trailworkbench.search.RowSource b) {
                    if (b != null) {
                        o.removeListener(this);
                        listed.complete(System.nanoTime());
                    }
                }
            });
            window.explore().queryBar().field().setText(query);
            start[0] = System.nanoTime();
            window.model().runQuery(query); // what Enter in the query bar does
            return null;
        });
        long d = drawn.get(120, TimeUnit.SECONDS);
        long l = listed.get(120, TimeUnit.SECONDS);
        return new double[]{(d - start[0]) / 1e6, (l - start[0]) / 1e6};
    }

    private static final boolean[] answered = new boolean[1];

    private static void scrolling(MainWindow window) throws Exception {
        runAndWait(window, "");
        EventTable table = onFx(() -> window.explore().table());
        int rows = onFx(() -> table.rows().total());
        System.out.printf("Scrolling the table over all %,d rows, its thumb dragged from top to bottom in 600 moves"
                + " over about ten seconds, twice:%n%n", rows);
        drag(table, "first drag (cold: code not yet compiled, cells styled for the first time)");
        drag(table, "second drag (warm)");
        long loadStart = System.nanoTime();
        waitUntil(() -> table.rows().row(rows - 1).hit() != null, 60);
        System.out.printf("- last rows loaded %.0f ms after the thumb reached the bottom%n",
                (System.nanoTime() - loadStart) / 1e6);
    }

    /** One drag of the thumb from top to bottom, one move per frame; prints the FX thread's stalls. */
    private static void drag(EventTable table, String title) throws Exception {
        int steps = 600;
        long[] moves = new long[steps + 1]; // each thumb move's time on the FX thread; touched there only
        long[] layoutStart = new long[1];
        List<Long> layouts = new ArrayList<>(); // each layout pass's time; FX thread only
        Runnable before = () -> layoutStart[0] = System.nanoTime();
        Runnable after = () -> layouts.add(System.nanoTime() - layoutStart[0]);
        onFx(() -> {
            table.scrollToHit(0);
            table.getScene().addPreLayoutPulseListener(before);
            table.getScene().addPostLayoutPulseListener(after);
            return null;
        });
        // with -Dbench.record=true, a flight recording of the drag, kept only when it stalls. Off by default:
        // the first recording of a process starts JFR, whose own class loading and compiling stall a cold drag
        try (FxWatchdog watchdog = new FxWatchdog(2); jdk.jfr.Recording recording = RECORD ? startRecording() : null) {
            for (int step = 0; step <= steps; step++) {
                int k = step;
                double position = k / (double) steps;
                // the bar over all hits when the table holds a window of them, else the table's own
                Platform.runLater(() -> {
                    long moveStart = System.nanoTime();
                    if (table.rows().windowed()) {
                        table.scrollBar().setValue(position * table.scrollBar().getMax());
                    } else {
                        ((VirtualFlow<?>) table.lookup(".virtual-flow")).setPosition(position);
                    }
                    moves[k] = System.nanoTime() - moveStart;
                });
                Thread.sleep(16);
            }
            long[] passes = onFx(() -> {
                table.getScene().removePreLayoutPulseListener(before);
                table.getScene().removePostLayoutPulseListener(after);
                return layouts.stream().mapToLong(Long::longValue).toArray();
            });
            System.out.printf("- %s: longest FX thread stall **%.0f ms** (target < 50 ms; watchdog pings every 2 ms),"
                    + " of which the FX thread's own CPU time %.0f ms%n", title, watchdog.worstMillis(),
                    watchdog.worstCpuMillis());
            System.out.printf("  - thumb moves (window move included, layout not): %s%n", spread(onFx(moves::clone)));
            System.out.printf("  - layout passes: %s; over 50 ms (pass: ms): %s%n", spread(passes), over(passes, 50));
            if (recording != null && watchdog.worstMillis() > 100) {
                Path kept = Path.of(System.getProperty("java.io.tmpdir"), "ui-scroll-stall.jfr");
                recording.dump(kept);
                System.out.printf("  - a stall over 100 ms: flight recording kept in %s%n", kept);
            }
        }
    }

    private static String spread(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%d, median %.1f ms, p99 %.1f ms, longest %.1f ms", sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static String over(long[] nanos, long millis) {
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < nanos.length; i++) {
            if (nanos[i] > millis * 1_000_000L) {
                found.append(String.format("%s%d: %.0f", found.length() == 0 ? "" : ", ", i, nanos[i] / 1e6));
            }
        }
        return found.length() == 0 ? "none" : found.toString();
    }

    private static jdk.jfr.Recording startRecording() throws Exception {
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1)); // a stall is a few samples at 10 ms
        recording.start();
        return recording;
    }

    private static Path prepare(Path work, long events) throws Exception {
        Path corpus = work.resolve("corpus-" + events);
        Path caseDir = work.resolve("case-" + events);
        if (Case.isCase(caseDir)) {
            return caseDir;
        }
        if (!Files.exists(corpus.resolve(".complete"))) {
            System.err.println("generating " + events + " events into " + corpus + " (about 40 s per million)");
            new TrailGenerator(TrailSpec.benchmark(events)).generate(corpus);
            Files.writeString(corpus.resolve(".complete"), "generated");
        }
        System.err.println("importing " + corpus + " into " + caseDir + " (minutes for a million events)");
        try (Case c = Case.open(caseDir)) {
            c.importPath(corpus, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
        }
        return caseDir;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void waitUntil(Supplier<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(5);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}

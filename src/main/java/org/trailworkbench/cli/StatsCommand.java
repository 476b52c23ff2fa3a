package org.trailworkbench.cli;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileRecord;
import org.trailworkbench.casefile.FileStatus;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.search.SearchService.CaseStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Describe a case (a folder or a remote one): events, the time they span, imported files by outcome, index size.")
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Mixin
    CaseOption caseOption;

    @Mixin // --profile and --aws-region, for a remote case's --aws-sigv4
    AwsAccountOptions awsAccount;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    /** What a case keeps beside its events: the files it was imported from, its index, where that index is. */
    private record Holdings(String name, Map<FileStatus, Long> byStatus, long fileCount, long sourceBytes,
                            long indexBytes, String indexPlace) {
    }

    @Override
    public Integer call() throws IOException, CliFailure {
        CaseStats stats;
        Holdings held;
        try (CaseEvents c = caseOption.openEvents()) {
            stats = c.search().stats();
            held = c.local() != null ? holdings(c.local()) : holdings(c.remote());
        }
        if (json) {
            JsonOut.print(cli.out(), document(stats, held));
            return TrailCli.OK;
        }
        PrintWriter out = cli.out();
        out.println("case:    " + held.name());
        out.println("events:  " + Format.count(stats.events()));
        if (stats.oldest() != null && stats.newest() != null) {
            out.println("span:    " + Format.time(stats.oldest()) + " to " + Format.time(stats.newest()) + " ("
                    + span(Duration.ofMillis(stats.newest() - stats.oldest())) + ")");
        } else {
            out.println("span:    (no events with a time)");
        }
        StringBuilder counts = new StringBuilder();
        held.byStatus().forEach((status, n) -> {
            if (n > 0 || status == FileStatus.IMPORTED) {
                counts.append(counts.length() == 0 ? "" : ", ").append(Format.count(n)).append(' ')
                        .append(ImportCommand.statusName(status));
            }
        });
        out.println("files:   " + Format.count(held.fileCount()) + " (" + counts + "), " + Format.bytes(held.sourceBytes()));
        out.println("index:   " + Format.bytes(held.indexBytes()) + " " + held.indexPlace());
        return TrailCli.OK;
    }

    private static Holdings holdings(Case c) throws IOException {
        List<FileRecord> files = c.manifest().files();
        Map<FileStatus, Long> byStatus = noFiles();
        long sourceBytes = 0;
        for (FileRecord f : files) {
            byStatus.merge(f.status(), 1L, Long::sum);
            sourceBytes += f.size();
        }
        return new Holdings(c.dir().toString(), byStatus, files.size(), sourceBytes, size(c.dir().resolve("index")),
                "on disk");
    }

    /** A remote manifest lists only the files whose events all arrived: all of them count as imported. */
    private static Holdings holdings(RemoteCase c) throws IOException {
        RemoteCase.Files files = c.files();
        Map<FileStatus, Long> byStatus = noFiles();
        byStatus.put(FileStatus.IMPORTED, files.count());
        return new Holdings(c.target().toString(), byStatus, files.count(), files.sourceBytes(), c.indexBytes(),
                "in the cluster");
    }

    private static Map<FileStatus, Long> noFiles() {
        Map<FileStatus, Long> byStatus = new EnumMap<>(FileStatus.class);
        for (FileStatus status : FileStatus.values()) {
            byStatus.put(status, 0L);
        }
        return byStatus;
    }

    private static Map<String, Object> document(CaseStats stats, Holdings held) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", held.name());
        doc.put("events", stats.events());
        doc.put("oldest", stats.oldest() == null ? null : Format.time(stats.oldest()));
        doc.put("newest", stats.newest() == null ? null : Format.time(stats.newest()));
        Map<String, Long> counts = new LinkedHashMap<>();
        held.byStatus().forEach((status, n) -> counts.put(ImportCommand.jsonKey(status), n));
        doc.put("files", counts);
        doc.put("fileCount", held.fileCount());
        doc.put("sourceBytes", held.sourceBytes());
        doc.put("indexBytes", held.indexBytes());
        return doc;
    }

    private static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + "h";
        }
        return hours + "h " + minutes + "m";
    }

    private static long size(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (NoSuchFileException merged) {
                    return 0; // a segment merged away while we walked
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}

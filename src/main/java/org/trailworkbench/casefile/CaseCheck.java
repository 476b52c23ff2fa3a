package org.trailworkbench.casefile;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a case without changing it: Lucene's CheckIndex over the index, then the manifest against the
 * index, file by file. Works on a case that cannot be opened, which is when it is needed most.
 */
public final class CaseCheck {

    private static final int LISTED = 5;

    private CaseCheck() {
    }

    public static CheckReport run(Path caseDir) throws IOException {
        Manifest manifest = Manifest.load(caseDir.resolve(Case.MANIFEST));
        List<FileRecord> withEvents = manifest.files().stream().filter(CaseCheck::hasIndexedEvents).toList();
        long manifestEvents = withEvents.stream().mapToLong(FileRecord::events).sum();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long indexEvents = -1;
        Path indexDir = caseDir.resolve(Case.INDEX);
        if (!Files.isDirectory(indexDir)) {
            problems.add("the index folder " + indexDir + " is missing");
        } else {
            try (Directory directory = FSDirectory.open(indexDir)) {
                if (!DirectoryReader.indexExists(directory)) {
                    problems.add("the index has no commit (its segments_N file is missing)");
                } else {
                    problems.addAll(luceneCheck(directory, indexDir));
                    if (problems.isEmpty()) {
                        Map<String, Long> counts = FileEventCounts.of(directory);
                        indexEvents = counts.values().stream().mapToLong(Long::longValue).sum();
                        compare(withEvents, counts, problems, notes);
                    }
                }
            }
        }
        return new CheckReport(List.copyOf(problems), List.copyOf(notes), indexEvents, withEvents.size(), manifestEvents);
    }

    /** Files whose events an import put into the index: the ones rebuild reads again. */
    static boolean hasIndexedEvents(FileRecord record) {
        return (record.status() == FileStatus.IMPORTED || record.status() == FileStatus.DAMAGED) && record.events() > 0;
    }

    /**
     * CheckIndex takes the index's write lock. Taking it creates {@code write.lock} when it is missing, and
     * a check must not write: then the check runs without it (an import cannot run on such an index anyway).
     */
    private static List<String> luceneCheck(Directory directory, Path indexDir) throws IOException {
        boolean hasLockFile = Files.exists(indexDir.resolve(IndexWriter.WRITE_LOCK_NAME));
        Lock lock = hasLockFile ? directory.obtainLock(IndexWriter.WRITE_LOCK_NAME) : new NoLock();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CheckIndex.Status status;
        try (CheckIndex checker = new CheckIndex(directory, lock)) {
            checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
            status = checker.checkIndex();
        }
        List<String> problems = new ArrayList<>();
        if (status.missingSegments) {
            problems.add("the index commit cannot be read: " + errorLine(log.toString(StandardCharsets.UTF_8)));
        }
        for (CheckIndex.Status.SegmentInfoStatus segment : status.segmentInfos) {
            if (segment.error != null) {
                problems.add("segment " + segment.name + " (" + segment.maxDoc + " events) is broken: "
                        + firstLine(segment.error));
            }
        }
        if (!status.clean && problems.isEmpty()) {
            problems.add("Lucene's CheckIndex found the index unclean: " + errorLine(log.toString(StandardCharsets.UTF_8)));
        }
        return problems;
    }

    private static void compare(List<FileRecord> withEvents, Map<String, Long> counts, List<String> problems,
                                List<String> notes) {
        List<String> surplus = new ArrayList<>();
        List<String> noneLeft = new ArrayList<>();
        long fewer = 0;
        long fewerEvents = 0;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (FileRecord file : withEvents) {
            listed.add(file.id());
            long inIndex = counts.getOrDefault(file.id(), 0L);
            if (inIndex > file.events()) {
                surplus.add(file.id() + " (" + inIndex + " in the index, " + file.events() + " in the file)");
            } else if (inIndex == 0) {
                noneLeft.add(file.id() + " (" + file.events() + " events)");
            } else if (inIndex < file.events()) {
                fewer++;
                fewerEvents += file.events() - inIndex;
            }
        }
        if (!surplus.isEmpty()) {
            problems.add(surplus.size() + " files have more events in the index than they held: " + list(surplus));
        }
        if (!noneLeft.isEmpty()) {
            notes.add(noneLeft.size() + " files have none of their events attributed to them in the index; that is "
                    + "right only if every one of them was delivered again in a file imported later: " + list(noneLeft)
                    + " (rebuild settles it)");
        }
        if (fewer > 0) {
            notes.add(fewer + " files have fewer events in the index than they held (" + fewerEvents + " in all): "
                    + "an event delivered in more than one file is kept once");
        }
        long unlisted = counts.entrySet().stream().filter(e -> !listed.contains(e.getKey())).count();
        if (unlisted > 0) {
            long events = counts.entrySet().stream().filter(e -> !listed.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            notes.add(events + " events come from " + unlisted + " files the manifest does not list: an import was "
                    + "interrupted after its last commit; running it again records them");
        }
    }

    private static String list(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }

    private static String errorLine(String log) {
        return log.lines().map(String::strip).filter(l -> l.startsWith("ERROR") || l.contains("Exception"))
                .findFirst().orElse("see Lucene's CheckIndex");
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}

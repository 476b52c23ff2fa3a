package org.trailworkbench.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Lists the files to import under a file or folder: a flat folder of downloads or a copy of a bucket in
 * CloudTrail's S3 layout. Filters are applied to paths here, before any file is opened.
 */
public final class FolderScanner {

    /** A file left out, and why: shown in the import report so that nothing is skipped silently. */
    public record Skipped(String path, String reason) {
    }

    public record Scan(List<SourceFile> files, List<Skipped> skipped, long filteredOut) {
    }

    public Scan scan(Path root, SourceFilter filter) throws IOException {
        if (!Files.exists(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or folder");
        }
        Path base = root.toAbsolutePath().normalize();
        String source = base.toString();
        List<SourceFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        long[] filteredOut = {0};
        if (Files.isRegularFile(base)) {
            files.add(new LocalFile(source, base, base.getFileName().toString(), Files.size(base)));
            return new Scan(files, skipped, 0);
        }
        // links are followed so that a linked log file imports; loops come back as FileSystemLoopException
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(base) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || isCompanion(name)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    skipped.add(new Skipped(file.toString(), SpecialFiles.describe(file, attrs)));
                    return FileVisitResult.CONTINUE;
                }
                String relative = SlashPaths.of(base.relativize(file));
                if (!looksLikeLogFile(name)) {
                    skipped.add(new Skipped(file.toString(), "not a CloudTrail file type (.json, .json.gz, .jsonl)"));
                    return FileVisitResult.CONTINUE;
                }
                if (!filter.accepts(TrailPath.parse(relative).orElse(null))) {
                    filteredOut[0]++;
                    return FileVisitResult.CONTINUE;
                }
                files.add(new LocalFile(source, file, relative, attrs.size()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped.add(new Skipped(file.toString(), e instanceof FileSystemLoopException
                        ? "a symbolic link loop: it leads back to a folder that contains it"
                        : "cannot be read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(SourceFile::relativePath));
        return new Scan(files, skipped, filteredOut[0]);
    }

    /** Files of the evidence-folder convention that sit beside the logs but are not logs. */
    static boolean isCompanion(String name) {
        return name.endsWith(".metadata.json") || name.equals("public-keys.json")
                || name.equals("manifest.json") || name.equals("download-manifest.json");
    }

    static boolean looksLikeLogFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || n.endsWith(".gz") || n.endsWith(".jsonl")
                || n.endsWith(".ndjson") || n.endsWith(".jsonl.gz") || n.endsWith(".log");
    }
}

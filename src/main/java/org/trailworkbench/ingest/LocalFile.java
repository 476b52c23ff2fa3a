package org.trailworkbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file on disk. Opened read-only: evidence is never modified. */
public record LocalFile(String source, Path file, String relativePath, long size) implements SourceFile {

    @Override
    public String id() {
        return file.toAbsolutePath().normalize().toString();
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file, StandardOpenOption.READ);
    }
}

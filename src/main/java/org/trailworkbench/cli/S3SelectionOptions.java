package org.trailworkbench.cli;

import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.s3.S3Selection;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What only a bucket listing can select by (organization, kind of file), for the commands that fetch
 * objects ({@code import}, {@code download}). {@code verify} has none of them: a digest chain is checked
 * whole.
 */
final class S3SelectionOptions {

    @Option(names = "--org", paramLabel = "o-ID", description = "Only this organization of an organization trail (repeatable).")
    List<String> orgs = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only these kinds of file: logs, digests, insights (comma-separated; default: all).")
    List<String> kinds = new ArrayList<>();

    S3Selection selection(SourceFilter filter) {
        Set<FileKind> wanted = EnumSet.noneOf(FileKind.class);
        for (String kind : kinds) {
            wanted.add(switch (kind.strip().toLowerCase(Locale.ROOT)) {
                case "logs", "log", "events" -> FileKind.EVENTS;
                case "digests", "digest" -> FileKind.DIGEST;
                case "insights", "insight" -> FileKind.INSIGHTS;
                default -> throw new IllegalArgumentException("--kind: '" + kind + "' is not logs, digests or insights");
            });
        }
        return new S3Selection(filter, Set.copyOf(orgs), wanted);
    }

    boolean used() {
        return !orgs.isEmpty() || !kinds.isEmpty();
    }
}

package org.trailworkbench.s3;

import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.ingest.TrailPath;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which objects of a trail to take: the account/region/date filter every import has, plus what only a
 * bucket listing can use before any object is fetched: organizations and the kind of file. Empty sets
 * mean "all".
 *
 * @param kinds among {@link FileKind#EVENTS} (CloudTrail/), {@link FileKind#DIGEST} (CloudTrail-Digest/)
 *              and {@link FileKind#INSIGHTS} (CloudTrail-Insight/)
 */
public record S3Selection(SourceFilter filter, Set<String> orgIds, Set<FileKind> kinds) {

    private static final Set<FileKind> TRAIL_KINDS = EnumSet.of(FileKind.EVENTS, FileKind.DIGEST, FileKind.INSIGHTS);
    public static final S3Selection ALL = new S3Selection(SourceFilter.ALL, Set.of(), Set.of());

    public S3Selection {
        filter = filter == null ? SourceFilter.ALL : filter;
        orgIds = orgIds == null ? Set.of() : Set.copyOf(orgIds);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (!TRAIL_KINDS.containsAll(kinds)) {
            throw new IllegalArgumentException("a trail holds log files, digests and Insights files, not " + kinds);
        }
    }

    public static S3Selection of(SourceFilter filter) {
        return new S3Selection(filter, Set.of(), Set.of());
    }

    public boolean isAll() {
        return filter.isAll() && orgIds.isEmpty() && kinds.isEmpty();
    }

    public boolean wants(FileKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** As {@link SourceFilter#accepts}: a key that tells nothing passes only when nothing is filtered. */
    public boolean accepts(TrailPath path) {
        if (path == null) {
            return isAll();
        }
        if (!orgIds.isEmpty() && (path.orgId() == null || !orgIds.contains(path.orgId()))) {
            return false;
        }
        return wants(path.kind()) && filter.accepts(path);
    }
}

package org.trailworkbench.ui.integrity;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileRecord;
import org.trailworkbench.index.Fields;
import org.trailworkbench.integrity.VerificationItem;
import org.trailworkbench.search.FacetFilter;
import org.trailworkbench.search.SearchRequest;

import java.util.Set;

/**
 * Finds a verified file among the files of a case, and the search that lists its events. The case records
 * each event's source file by its id (an absolute path or s3://bucket/key, {@link Fields#FILE}); the same
 * evidence may have been imported from another copy, so a file is also found by its key from
 * {@code AWSLogs/} on.
 */
final class CaseFiles {

    private CaseFiles() {
    }

    /** The id the case knows the file by, or null when it was never imported into this case. */
    static String idOf(Case c, VerificationItem item) {
        if (c.manifest().get(item.location()).isPresent()) {
            return item.location();
        }
        String key = item.key();
        int awsLogs = key.indexOf("AWSLogs/");
        String tail = "/" + (awsLogs >= 0 ? key.substring(awsLogs) : key);
        return c.manifest().files().stream().map(FileRecord::id).filter(id -> id.replace('\\', '/').endsWith(tail))
                .findFirst().orElse(null);
    }

    /** Every event first imported from that file, oldest first, over all time. */
    static SearchRequest eventsOf(String fileId) {
        return SearchRequest.of("").withFilter(Fields.FILE, new FacetFilter(Set.of(fileId), Set.of()))
                .withSort(org.trailworkbench.search.SortOrder.OLDEST_FIRST);
    }
}

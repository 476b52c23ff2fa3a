package org.trailworkbench.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The summary at the end of a download.
 *
 * @param folder        where the evidence was written
 * @param downloaded    objects fetched and written by this run
 * @param present       objects already in the folder from an earlier run, with the same ETag and size
 * @param changed       keys whose object changed in the bucket since an earlier run (the new bytes were written)
 * @param problems      objects not written, prefixes not listed, keys refused, each with its reason
 * @param filteredOut   objects listed but outside the selection
 * @param bytes         bytes fetched by this run
 * @param publicKeys    keys written to public-keys.json, or -1 when it was not written (see keysProblem)
 * @param keysProblem   why public-keys.json was not written; null when it was or no digest needs it
 * @param elapsed       wall time
 * @param cancelled     whether the user stopped it (what was finished is kept and recorded)
 */
public record DownloadReport(Path folder, int downloaded, int present, List<String> changed, List<Problem> problems,
                             long filteredOut, long bytes, int publicKeys, String keysProblem, Duration elapsed,
                             boolean cancelled) {

    /** Something not downloaded, by its s3:// URI, and why. */
    public record Problem(String uri, String reason) {
    }

    public DownloadReport {
        changed = List.copyOf(changed);
        problems = List.copyOf(problems);
    }

    /** Whether the folder holds everything selected, with its public keys: ready to verify offline. */
    public boolean complete() {
        return problems.isEmpty() && keysProblem == null && !cancelled;
    }
}

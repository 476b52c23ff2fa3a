package org.trailworkbench.integrity;

import java.util.List;
import java.util.Map;

/**
 * What a log file is to be checked against, decided before it is read: a hash from a valid digest, or a
 * verdict that reading cannot change (only the file's own hash is still taken, for the evidence hash).
 *
 * @param expectedHash the hash a valid digest lists, or null when {@code verdict} is already decided
 */
record LogPlan(VerificationItem item, String expectedHash, String digestKey, Verdict verdict, String reason) {

    static LogPlan of(VerificationItem item, ChainAnalysis.Expectation listed, KeyNames.FileName name,
                      Map<String, List<ChainAnalysis.Window>> windows) {
        if (listed != null) {
            return listed.digestValid()
                    ? new LogPlan(item, listed.hashValue() == null ? "" : listed.hashValue(), listed.digestKey(), null, null)
                    : new LogPlan(item, null, listed.digestKey(), Verdict.LOG_NOT_CHECKED,
                    "listed in " + listed.digestKey() + ", but " + listed.digestProblem());
        }
        if (name == null) {
            return new LogPlan(item, null, null, Verdict.LOG_NOT_IN_DIGEST,
                    "its name is not a CloudTrail log file name, so no digest hour covers it");
        }
        List<ChainAnalysis.Window> covering = windows.getOrDefault(name.scope(), List.of()).stream()
                .filter(w -> w.overlaps(name.delivered())).toList();
        if (covering.isEmpty()) {
            return new LogPlan(item, null, null, Verdict.LOG_NOT_IN_DIGEST,
                    "delivered at " + name.delivered() + ", when no digest of its account and region covers");
        }
        for (ChainAnalysis.Window w : covering) {
            if (!w.valid()) {
                return new LogPlan(item, null, w.digestKey(), Verdict.LOG_NOT_CHECKED,
                        "delivered at " + name.delivered() + ", but " + w.why());
            }
        }
        return new LogPlan(item, null, covering.get(0).digestKey(), Verdict.LOG_NOT_IN_DIGEST,
                "delivered at " + name.delivered() + ", but " + covering.get(0).digestKey() + ", which covers that hour,"
                        + " does not list it");
    }
}

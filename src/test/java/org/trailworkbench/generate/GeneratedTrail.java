package org.trailworkbench.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TrailGenerator#generate} wrote.
 *
 * @param keys the key pair that signed the digests, with what {@code public-keys.json} says about it;
 *             integrity tests re-sign tampered digests with it (see {@link DigestSigner})
 */
public record GeneratedTrail(Path root, Counts counts, List<InjectedSpike> spikes, TrailKeys keys) {

    public GeneratedTrail {
        spikes = List.copyOf(spikes);
    }

    /**
     * @param events            distinct events (distinct eventIDs), spike events included
     * @param redelivered       records written a second time in a later log file (same eventID)
     * @param logFiles          CloudTrail log files
     * @param digests           digest files (each with a {@code .metadata.json} signature sidecar)
     * @param insightsFiles     CloudTrail-Insight files
     * @param insightEvents     Insights records (a Start and an End per spike)
     * @param jsonBytes         uncompressed size of all log files
     * @param bytesWritten      size on disk of everything written (compressed files, sidecars, public keys)
     */
    public record Counts(long events, long redelivered, long logFiles, long digests, long insightsFiles,
                         long insightEvents, long jsonBytes, long bytesWritten) {
    }
}

package org.trailworkbench.generate;

/**
 * A written log file, as a digest lists it.
 *
 * @param key         S3 key relative to the bucket (and the evidence folder)
 * @param sha256      hex SHA-256 of the uncompressed content
 * @param deliveredAt epoch second CloudTrail delivered it: a whole minute, the one in its name; decides its digest
 */
record LogFile(String key, String sha256, long oldest, long newest, long deliveredAt, int records, long jsonBytes,
               long gzipBytes) implements Comparable<LogFile> {

    @Override
    public int compareTo(LogFile other) {
        int byTime = Long.compare(deliveredAt, other.deliveredAt);
        return byTime != 0 ? byTime : key.compareTo(other.key);
    }
}

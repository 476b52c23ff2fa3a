package org.trailworkbench.casefile;

/**
 * A finished file and what the import has to say about it.
 *
 * @param record    what goes into the manifest
 * @param unchanged true when the file was imported before with the same bytes and so skipped
 * @param changedFrom the SHA-256 recorded by an earlier import when the bytes have changed since, else null
 */
public record FileOutcome(FileRecord record, boolean unchanged, String changedFrom) {

    public boolean isProblem() {
        return switch (record.status()) {
            case DAMAGED, NOT_CLOUDTRAIL, EMPTY, FAILED -> true;
            default -> false;
        };
    }
}

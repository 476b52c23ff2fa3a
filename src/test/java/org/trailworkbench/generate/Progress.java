package org.trailworkbench.generate;

/** How a long generation reports back; the CLI prints it, a UI would adapt it to its task type. */
public interface Progress {

    /** Called from worker threads, so calls may arrive out of order; {@code done} counts finished units. */
    void update(long done, long total, String message);

    /**
     * Polled before each unit of work; once true, generation stops with a CancellationException and leaves
     * a partial folder behind.
     */
    default boolean isCancelled() {
        return false;
    }

    static Progress none() {
        return (done, total, message) -> {
        };
    }
}

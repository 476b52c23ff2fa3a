package org.trailworkbench.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reading the index takes milliseconds to seconds, and a window whose UI thread waits for it freezes. The
 * window names its UI thread here once; from then on a read on that thread is a bug. It is logged with its
 * stack, so that it can be found, and counted, so that the window's tests can prove it never happens
 * (a timed test can only catch the reads that happen to be slow on its machine).
 */
public final class ReadThreads {

    private static final Logger LOG = LoggerFactory.getLogger(ReadThreads.class);
    private static volatile Thread forbidden;
    private static final AtomicLong READS_ON_FORBIDDEN = new AtomicLong();

    private ReadThreads() {
    }

    /** The thread that must never read the index: the window's UI thread. */
    public static void forbid(Thread thread) {
        forbidden = thread;
    }

    /** How many reads the forbidden thread has made since the program started. */
    public static long readsOnForbidden() {
        return READS_ON_FORBIDDEN.get();
    }

    /** Called where a read begins: a searcher is taken, or stored events are loaded. */
    public static void check() {
        Thread thread = forbidden;
        if (thread != null && Thread.currentThread() == thread) {
            READS_ON_FORBIDDEN.incrementAndGet();
            LOG.warn("the index was read on the window's UI thread, which freezes the window while it reads",
                    new IllegalStateException("index read on " + thread.getName()));
        }
    }
}

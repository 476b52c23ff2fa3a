package org.trailworkbench.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Every hit of one request, in the request's order, loadable from any position: what the event table
 * reads its rows from. The table never holds more than the rows it shows, so a source may hold millions.
 */
public interface RowSource extends Closeable {

    /** How many rows; fixed for the life of the source. */
    int size();

    /** Rows {@code [from, from + count)}, clipped to the source; safe to call from any thread. */
    List<EventHit> load(int from, int count) throws IOException;
}

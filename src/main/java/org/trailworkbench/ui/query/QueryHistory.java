package org.trailworkbench.ui.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Queries run before, newest first, without repeats, walked with Up and Down as in a shell. Walking
 * starts over whenever a query runs.
 */
public final class QueryHistory {

    public static final int MAX = 50;

    private final List<String> entries = new ArrayList<>();
    /** -1: not walking; else the index of the entry shown. */
    private int position = -1;
    private String draft = "";

    public QueryHistory(List<String> saved) {
        for (String q : saved) {
            if (!q.isBlank() && !entries.contains(q) && entries.size() < MAX) {
                entries.add(q);
            }
        }
    }

    public void add(String query) {
        position = -1;
        if (query == null || query.isBlank()) {
            return;
        }
        entries.remove(query);
        entries.add(0, query);
        while (entries.size() > MAX) {
            entries.remove(entries.size() - 1);
        }
    }

    /** The next older query, or null at the oldest; {@code current} is kept to come back to. */
    public String older(String current) {
        if (position + 1 >= entries.size()) {
            return null;
        }
        if (position == -1) {
            draft = current;
        }
        return entries.get(++position);
    }

    /** The next newer query, the draft when leaving the history, or null when not walking it. */
    public String newer() {
        if (position == -1) {
            return null;
        }
        position--;
        return position == -1 ? draft : entries.get(position);
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }
}

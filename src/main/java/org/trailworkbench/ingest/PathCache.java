package org.trailworkbench.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Interns dotted paths: the same few hundred paths recur in every record, and building "a.b.c" afresh for
 * each of tens of millions of leaves costs more than looking it up. One per reading thread.
 */
final class PathCache {
    private final Map<String, Map<String, String>> byParent = new HashMap<>();

    String child(String parent, String name) {
        if (byParent.size() > 50_000) {
            byParent.clear(); // a trail with endless distinct keys (tags, say): stay bounded, lose only speed
        }
        Map<String, String> children = byParent.computeIfAbsent(parent, p -> new HashMap<>());
        String path = children.get(name);
        if (path == null) {
            path = parent.isEmpty() ? name : parent + "." + name;
            if (children.size() < 10_000) {
                children.put(name, path);
            }
        }
        return path;
    }
}

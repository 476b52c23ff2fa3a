package org.trailworkbench.ui.explore;

import java.util.Map;

/** Names a person reads for the facet dimensions; the path stays in the tooltip. */
public final class Facets {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("eventSource", "Service"), Map.entry("eventName", "Event"), Map.entry("awsRegion", "Region"),
            Map.entry("recipientAccountId", "Account"), Map.entry("userIdentity.type", "Identity type"),
            Map.entry("userIdentity.arn", "Principal"), Map.entry("sourceIPAddress", "Source IP"),
            Map.entry("errorCode", "Error"), Map.entry("readOnly", "Read-only"), Map.entry("eventType", "Event type"),
            Map.entry("eventCategory", "Category"), Map.entry("userAgent", "User agent"));

    private Facets() {
    }

    public static String label(String path) {
        return LABELS.getOrDefault(path, path);
    }
}

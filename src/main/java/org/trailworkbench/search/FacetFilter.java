package org.trailworkbench.search;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values chosen for one field: an event must have one of {@code include} (when not empty) and none
 * of {@code exclude}. On facet dimensions values match exactly; on other paths, case-insensitively.
 */
public record FacetFilter(Set<String> include, Set<String> exclude) {

    public static final FacetFilter NONE = new FacetFilter(Set.of(), Set.of());

    public FacetFilter {
        include = Set.copyOf(new LinkedHashSet<>(include == null ? Set.of() : include));
        exclude = Set.copyOf(new LinkedHashSet<>(exclude == null ? Set.of() : exclude));
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    public FacetFilter including(String value) {
        var in = new LinkedHashSet<>(include);
        in.add(value);
        var out = new LinkedHashSet<>(exclude);
        out.remove(value);
        return new FacetFilter(in, out);
    }

    public FacetFilter excluding(String value) {
        var in = new LinkedHashSet<>(include);
        in.remove(value);
        var out = new LinkedHashSet<>(exclude);
        out.add(value);
        return new FacetFilter(in, out);
    }

    public FacetFilter without(String value) {
        var in = new LinkedHashSet<>(include);
        in.remove(value);
        var out = new LinkedHashSet<>(exclude);
        out.remove(value);
        return new FacetFilter(in, out);
    }
}

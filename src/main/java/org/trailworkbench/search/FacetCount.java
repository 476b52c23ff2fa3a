package org.trailworkbench.search;

/** A value of a facet dimension and the number of hits that have it (under every other filter). */
public record FacetCount(String value, long count) {
}

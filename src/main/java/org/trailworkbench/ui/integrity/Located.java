package org.trailworkbench.ui.integrity;

import org.trailworkbench.integrity.VerificationItem;

/** An item with its place read from its key once, off the FX thread, for the tree and the coverage grid. */
record Located(VerificationItem item, Place place) {

    static Located of(VerificationItem item) {
        return new Located(item, Place.of(item.key()));
    }
}

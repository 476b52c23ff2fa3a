package org.trailworkbench.remote;

import org.trailworkbench.index.Fields;

/**
 * The field names of a remote case's documents. They mirror the local index ({@link Fields}) term for term,
 * so that a parsed query means the same thing on both: {@link #PV} holds the local keyword terms (path first),
 * {@link #TEXT} the local free-text words, {@link #PATHS} the paths of the local shape. The names start with
 * {@code tw_} because OpenSearch keeps names with a leading underscore for itself.
 */
final class Schema {

    static final String TIME = Fields.TIME;
    /** The event's id ({@code _id} too): breaks ties in time when sorting, since _id cannot be sorted on. */
    static final String ID = "tw_id";
    static final String FILE = "tw_file";
    /**
     * Every leaf as {@code path U+0000 folded value}: the local keyword term (index.Keywords) turned round,
     * path first, so that one term carries both and a prefix, range or fuzzy query stays on one path.
     */
    static final String PV = "tw_pv";
    /** The folded values that are one plain word, without their path: free-text search finds them whole. */
    static final String WORDS = "tw_words";
    /** The words of the other values, cut by the local analyzer and joined by spaces, one entry per value. */
    static final String TEXT = "tw_text";
    /** Every object and leaf path of the record, for {@code _exists_}. */
    static final String PATHS = "tw_paths";
    /** The original record, byte for byte; not indexed. */
    static final String RECORD = "tw_record";
    /** The record as an object, for people who query the index directly (Dashboards); not in _source. */
    static final String EVENT = "event";

    /** Ends the path of a {@link #PV} term; neither paths nor folded values hold it (see index.Keywords). */
    static final char SEP = '\u0000';

    private Schema() {
    }

    /** The {@link #PV} term of a value at a path; the value is folded as the local index folds it. */
    static String pv(String path, String value) {
        return path + SEP + org.trailworkbench.index.Keywords.fold(value);
    }

    /** The keyword field of a facet dimension: exact values, for counts, splits and facet filters. */
    static String facet(String path) {
        return "facet_" + path.replace('.', '_');
    }
}

package org.trailworkbench.index;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.DocIdSetBuilder;

import java.io.IOException;

/**
 * The events of a segment that hold any of some terms of one field: their postings gathered into one doc-id
 * set, a sorted array while sparse and bits once dense (see {@link TermsUnion} for why not a disjunction).
 */
final class PostingsUnion {

    private final DocIdSetBuilder docs;
    private PostingsEnum postings;
    private boolean any;

    PostingsUnion(LeafReader segment, Terms terms) throws IOException {
        this.docs = new DocIdSetBuilder(segment.maxDoc(), terms);
    }

    /** Adds the events of the term {@code positioned} is on. */
    void add(TermsEnum positioned) throws IOException {
        postings = positioned.postings(postings, PostingsEnum.NONE);
        docs.add(postings);
        any = true;
    }

    /** A constant-score scorer over the events added; null when there are none. */
    Scorer scorer(Weight weight, float score, ScoreMode scoreMode) throws IOException {
        if (!any) {
            return null;
        }
        var iterator = docs.build().iterator();
        return iterator == null ? null : new ConstantScoreScorer(weight, score, scoreMode, iterator);
    }
}

package org.trailworkbench.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;

/**
 * How a multi-term query of ours (prefix, wildcard, regex, fuzzy, range, shapes) finds its events: the union
 * of every matching term's postings, built as one doc-id set per segment.
 *
 * <p>Lucene's own constant-score rewrites turn up to 16 terms into a disjunction that merges the postings
 * through a heap, doc by doc. A case's common values ({@code eventName:Describe*} is a third of a case: a
 * dozen terms with millions of postings each) make that heap the slowest part of a search; setting bits
 * costs a few nanoseconds a posting instead ({@link PostingsUnion}), and a sparse union stays a sorted
 * array, so a rare value pays no bit set.
 */
public final class TermsUnion extends Query {

    /** The rewrite to give every multi-term query: see the class comment. */
    public static final MultiTermQuery.RewriteMethod REWRITE = new MultiTermQuery.RewriteMethod() {
        @Override
        public Query rewrite(IndexReader reader, MultiTermQuery query) {
            return new TermsUnion(query);
        }
    };

    private final MultiTermQuery query;

    private TermsUnion(MultiTermQuery query) {
        this.query = query;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Terms terms = context.reader().terms(query.getField());
                if (terms == null) {
                    return null;
                }
                TermsEnum matching = query.getTermsEnum(terms);
                PostingsUnion union = new PostingsUnion(context.reader(), terms);
                while (matching.next() != null) {
                    union.add(matching);
                }
                return union.scorer(this, score(), scoreMode);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return true;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return query.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TermsUnion that && that.query.equals(query);
    }

    @Override
    public int hashCode() {
        return 31 * TermsUnion.class.hashCode() + query.hashCode();
    }
}

package org.trailworkbench.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.List;

/**
 * The events holding a repeated value ({@link Fields#REPEATED}) whose words match a free-text query: the
 * half of a free-text search that {@link Fields#ALL} no longer covers (see {@link RepeatedValues}).
 */
public final class RepeatedValuesQuery extends Query {

    private final Query freeText;

    private RepeatedValuesQuery(Query freeText) {
        this.freeText = freeText;
    }

    /**
     * A free-text query that also finds repeated values. Each word, phrase or pattern of it is matched within
     * one value, in {@link Fields#ALL} or among the repeated values, so the alternative is added at those
     * leaves: "a AND b" may find {@code a} in a repeated value and {@code b} in another value of the event.
     */
    public static Query including(Query freeText) {
        if (freeText instanceof BooleanQuery bool) {
            BooleanQuery.Builder each = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                each.add(including(clause.getQuery()), clause.getOccur());
            }
            return each.build();
        }
        if (freeText instanceof BoostQuery boost) {
            return new BoostQuery(including(boost.getQuery()), boost.getBoost());
        }
        if (freeText instanceof MatchAllDocsQuery || freeText instanceof MatchNoDocsQuery) {
            return freeText;
        }
        return new BooleanQuery.Builder()
                .add(freeText, BooleanClause.Occur.SHOULD)
                .add(new RepeatedValuesQuery(freeText), BooleanClause.Occur.SHOULD)
                .build();
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Terms terms = context.reader().terms(Fields.REPEATED);
                if (terms == null) {
                    return null;
                }
                List<BytesRef> values = RepeatedWords.of(context.reader()).matching(freeText);
                if (values.isEmpty()) {
                    return null;
                }
                PostingsUnion events = new PostingsUnion(context.reader(), terms);
                TermsEnum seek = terms.iterator();
                for (BytesRef value : values) {
                    if (seek.seekExact(value)) {
                        events.add(seek);
                    }
                }
                return events.scorer(this, score(), scoreMode);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return true;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        freeText.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return "repeated(" + freeText.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RepeatedValuesQuery that && that.freeText.equals(freeText);
    }

    @Override
    public int hashCode() {
        return 31 * RepeatedValuesQuery.class.hashCode() + freeText.hashCode();
    }
}

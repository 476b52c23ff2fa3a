package org.trailworkbench.remote;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.trailworkbench.index.Fields;
import org.trailworkbench.search.QuerySyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the Lucene tree of {@link RemoteQueryParser} into the Query DSL: boolean structure as {@code bool},
 * free-text leaves (Lucene queries on the local {@code _all}) as the same query on {@link Schema#TEXT}, and
 * {@link Dsl} leaves as they are.
 */
final class DslTranslator {

    static final Query MATCH_ALL = Query.of(q -> q.matchAll(m -> m));
    static final Query MATCH_NONE = Query.of(q -> q.matchNone(m -> m));

    private DslTranslator() {
    }

    static Query translate(org.apache.lucene.search.Query query) throws QuerySyntaxException {
        if (query instanceof Dsl dsl) {
            return dsl.query;
        }
        if (query instanceof MatchAllDocsQuery) {
            return MATCH_ALL;
        }
        if (query instanceof MatchNoDocsQuery) {
            return MATCH_NONE;
        }
        if (query instanceof BoostQuery boost) {
            return translate(boost.getQuery()); // hits sort by time: scores never matter
        }
        if (query instanceof ConstantScoreQuery constant) {
            return translate(constant.getQuery());
        }
        if (query instanceof BooleanQuery bool) {
            return bool(bool);
        }
        if (query instanceof TermQuery term) {
            String field = text(term.getTerm());
            return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(term.getTerm().text()))));
        }
        if (query instanceof PhraseQuery phrase) {
            return phrase(phrase);
        }
        if (query instanceof PrefixQuery prefix) {
            String field = text(prefix.getPrefix());
            return Query.of(q -> q.prefix(p -> p.field(field).value(prefix.getPrefix().text())));
        }
        if (query instanceof WildcardQuery wildcard) {
            String field = text(wildcard.getTerm());
            return Query.of(q -> q.wildcard(w -> w.field(field).value(wildcard.getTerm().text())));
        }
        if (query instanceof RegexpQuery regexp) {
            String field = text(regexp.getRegexp());
            return Query.of(q -> q.regexp(r -> r.field(field).value(regexp.getRegexp().text()).flags("ALL")));
        }
        if (query instanceof FuzzyQuery fuzzy) {
            String field = text(fuzzy.getTerm());
            return Query.of(q -> q.fuzzy(f -> f.field(field).value(FieldValue.of(fuzzy.getTerm().text()))
                    .fuzziness(Integer.toString(fuzzy.getMaxEdits())).prefixLength(fuzzy.getPrefixLength())
                    .transpositions(fuzzy.getTranspositions()).maxExpansions(FuzzyQuery.defaultMaxExpansions)));
        }
        if (query instanceof TermRangeQuery range) {
            String field = textField(range.getField());
            return Query.of(q -> q.range(r -> {
                r.field(field);
                if (range.getLowerTerm() != null) {
                    JsonData low = JsonData.of(range.getLowerTerm().utf8ToString());
                    r = range.includesLower() ? r.gte(low) : r.gt(low);
                }
                if (range.getUpperTerm() != null) {
                    JsonData high = JsonData.of(range.getUpperTerm().utf8ToString());
                    r = range.includesUpper() ? r.lte(high) : r.lt(high);
                }
                return r;
            }));
        }
        throw new QuerySyntaxException("this form of query cannot run on a remote case yet: " + query, 0);
    }

    /** Free-text words: the only Lucene leaves the parser makes itself are on the local free-text field. */
    private static String text(Term term) throws QuerySyntaxException {
        return textField(term.field());
    }

    private static String textField(String field) throws QuerySyntaxException {
        if (!Fields.ALL.equals(field)) {
            throw new QuerySyntaxException("unexpected field " + field + " in a remote query", 0);
        }
        return Schema.TEXT;
    }

    private static Query phrase(PhraseQuery phrase) throws QuerySyntaxException {
        String field = textField(phrase.getField());
        List<String> words = new ArrayList<>();
        for (Term term : phrase.getTerms()) {
            words.add(term.text());
        }
        // positions are consecutive: the free-text analyzer drops no words
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(String.join(" ", words)).slop(phrase.getSlop())));
    }

    /**
     * Lucene and OpenSearch differ in one default: a Lucene boolean with SHOULD clauses and a MUST needs none
     * of the SHOULDs, and one of only MUST_NOT clauses matches nothing. Both are spelled out here.
     */
    private static Query bool(BooleanQuery bool) throws QuerySyntaxException {
        BoolQuery.Builder out = new BoolQuery.Builder();
        boolean positive = false;
        int shoulds = 0;
        for (BooleanClause clause : bool.clauses()) {
            Query inner = translate(clause.getQuery());
            switch (clause.getOccur()) {
                case MUST -> {
                    out.must(inner);
                    positive = true;
                }
                case FILTER -> {
                    out.filter(inner);
                    positive = true;
                }
                case SHOULD -> {
                    out.should(inner);
                    shoulds++;
                }
                case MUST_NOT -> out.mustNot(inner);
            }
        }
        if (!positive && shoulds == 0) {
            return MATCH_NONE;
        }
        int minimum = bool.getMinimumNumberShouldMatch() > 0 ? bool.getMinimumNumberShouldMatch()
                : positive ? 0 : 1;
        if (shoulds > 0) {
            out.minimumShouldMatch(Integer.toString(minimum));
        }
        return Query.of(q -> q.bool(out.build()));
    }
}

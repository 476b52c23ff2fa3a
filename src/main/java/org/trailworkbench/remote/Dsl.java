package org.trailworkbench.remote;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query.Builder;
import org.opensearch.client.util.ObjectBuilder;

import java.util.function.Function;

/**
 * A leaf of a parsed query that is already Query DSL: the parser builds the boolean structure with Lucene's
 * classes, and leaves of this kind ride in it until {@link DslTranslator} takes them out.
 */
final class Dsl extends Query {

    final org.opensearch.client.opensearch._types.query_dsl.Query query;

    private Dsl(org.opensearch.client.opensearch._types.query_dsl.Query query) {
        this.query = query;
    }

    static Dsl of(Function<Builder, ObjectBuilder<org.opensearch.client.opensearch._types.query_dsl.Query>> build) {
        return new Dsl(org.opensearch.client.opensearch._types.query_dsl.Query.of(build));
    }

    static Dsl term(String field, String value) {
        return of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    static Dsl regexp(String field, String regexp) {
        return of(q -> q.regexp(r -> r.field(field).value(regexp).flags("ALL")));
    }

    /** Within {@code edits} of the term; no cap on the terms it expands to, as the local automaton has none. */
    static Dsl fuzzy(String field, String value, int edits) {
        return of(q -> q.fuzzy(f -> f.field(field).value(FieldValue.of(value)).fuzziness(Integer.toString(edits))
                .transpositions(true).prefixLength(0).maxExpansions(10_000)));
    }

    static Dsl exists(String path) {
        return term(Schema.PATHS, path);
    }

    /** eventTime within [low, high] (epoch ms); the extreme longs mean an open end. */
    static Dsl timeRange(long low, long high) {
        return of(q -> q.range(r -> {
            r.field(Schema.TIME).format("epoch_millis");
            if (low != Long.MIN_VALUE) {
                r.gte(JsonData.of(low));
            }
            if (high != Long.MAX_VALUE) {
                r.lte(JsonData.of(high));
            }
            return r;
        }));
    }

    /**
     * Values of {@code path} in a range of folded values. On the whole term {@code value SEP path}: a value at
     * least {@code low} is a term at least {@code low}; a value above {@code low} is a term at least
     * {@code low + U+0002}, since a value holds no separator (U+0000, U+0001); likewise for the upper end.
     * The regexp pins the path.
     */
    static Query valueRange(String path, String low, String high, boolean includeLow, boolean includeHigh) {
        var bool = new org.apache.lucene.search.BooleanQuery.Builder();
        bool.add(of(q -> q.range(r -> {
            r.field(Schema.KV);
            if (low != null) {
                r.gte(JsonData.of(includeLow ? low : low + '\u0002'));
            }
            if (high != null) {
                r.lt(JsonData.of(includeHigh ? high + '\u0002' : high));
            }
            return r;
        })), org.apache.lucene.search.BooleanClause.Occur.FILTER);
        bool.add(regexp(Schema.KV, Regexps.VALUE_REST + Regexps.SEPARATOR + Regexps.literal(path)),
                org.apache.lucene.search.BooleanClause.Occur.FILTER);
        return bool.build();
    }

    @Override
    public String toString(String field) {
        return query.toString();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

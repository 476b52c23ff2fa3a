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
    static Dsl fuzzy(String field, String value, int edits, int fixedPrefix) {
        return of(q -> q.fuzzy(f -> f.field(field).value(FieldValue.of(value)).fuzziness(Integer.toString(edits))
                .transpositions(true).prefixLength(fixedPrefix).maxExpansions(10_000)));
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
     * Values of {@code path} in a range of folded values (compared as UTF-8 bytes, as locally), on the terms
     * {@code path SEP value}: since no value holds SEP (U+0000), a value above {@code low} is a term at least
     * {@code path SEP low SEP}, and every term of the path is below {@code path U+0001}.
     */
    static Dsl valueRange(String path, String low, String high, boolean includeLow, boolean includeHigh) {
        String start = path + Schema.SEP;
        return of(q -> q.range(r -> {
            r.field(Schema.PV);
            if (low == null) {
                r.gte(JsonData.of(start));
            } else {
                r.gte(JsonData.of(includeLow ? start + low : start + low + Schema.SEP));
            }
            if (high == null) {
                r.lt(JsonData.of(path + '\u0001'));
            } else {
                r = includeHigh ? r.lte(JsonData.of(start + high)) : r.lt(JsonData.of(start + high));
            }
            return r;
        }));
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

package org.trailworkbench.remote;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.opensearch.client.json.JsonData;
import org.trailworkbench.index.Analyzers;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.Keywords;
import org.trailworkbench.search.EventQueryParser;
import org.trailworkbench.search.QuerySyntaxException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The query language of docs/CLI.md for a remote case. The same classic grammar as {@link EventQueryParser},
 * routed the same way (free text, {@code path:value}, {@code _exists_}, {@code eventTime}), but each leaf
 * becomes an OpenSearch query over the remote fields ({@link Schema}) instead of a Lucene query over the local
 * ones; {@link DslTranslator} then turns the boolean structure into the Query DSL. Every query is first
 * parsed by {@link EventQueryParser}, so that both backends accept and reject the same texts with the same
 * messages.
 */
final class RemoteQueryParser extends QueryParser {

    private RemoteQueryParser() {
        super(Fields.ALL, Analyzers.forQueries());
        setDefaultOperator(Operator.AND);
        setAllowLeadingWildcard(true);
        setSplitOnWhitespace(true);
    }

    /** The Query DSL for a query text. */
    static org.opensearch.client.opensearch._types.query_dsl.Query toDsl(String text) throws QuerySyntaxException {
        EventQueryParser.parse(text); // the local parser owns syntax errors and their wording
        if (text == null || text.isBlank() || text.strip().equals("*") || text.strip().equals("*:*")) {
            return DslTranslator.MATCH_ALL;
        }
        try {
            return DslTranslator.translate(new RemoteQueryParser().parse(text));
        } catch (ParseException e) {
            Throwable cause = e.getCause();
            throw cause instanceof QuerySyntaxException syntax ? syntax
                    : new QuerySyntaxException(String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 0);
        }
    }

    private static boolean isFreeText(String field) {
        return field == null || field.equals(Fields.ALL);
    }

    /** Free text: the words of non-word values, or a whole plain-word value (see index.Keywords). */
    private static Query freeText(Query words, Query wholeValues) {
        if (words == null) {
            return wholeValues;
        }
        if (wholeValues == null) {
            return words;
        }
        return new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.SHOULD)
                .add(wholeValues, BooleanClause.Occur.SHOULD)
                .build();
    }

    /** As in EventQueryParser: a group of only NOT clauses means "everything except". */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        Query query = super.getBooleanQuery(clauses);
        if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(BooleanClause::isProhibited)) {
            var withAll = new BooleanQuery.Builder();
            bool.clauses().forEach(withAll::add);
            withAll.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            return withAll.build();
        }
        return query;
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        if (isFreeText(field)) {
            return freeText(super.getFieldQuery(field, text, quoted), wholeWord(text));
        }
        if (field.equals(Fields.EXISTS)) {
            return Dsl.exists(text);
        }
        if (field.equals(Fields.TIME)) {
            return timeRange(text, text, true, true);
        }
        return Dsl.term(Schema.PV, Schema.pv(field, text));
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        if (isFreeText(field)) {
            return freeText(super.getFieldQuery(field, text, slop), wholeWord(text));
        }
        return getFieldQuery(field, text, true);
    }

    private static Query wholeWord(String text) {
        String folded = Keywords.fold(text);
        return Keywords.isWord(folded) ? Dsl.term(Schema.WORDS, folded) : null;
    }

    @Override
    protected Query getPrefixQuery(String field, String prefix) throws ParseException {
        String folded = Keywords.fold(prefix);
        if (isFreeText(field)) {
            return freeText(super.getPrefixQuery(field, prefix),
                    Dsl.of(q -> q.prefix(p -> p.field(Schema.WORDS).value(folded))));
        }
        if (prefix.isEmpty()) {
            return Dsl.exists(field);
        }
        return Dsl.of(q -> q.prefix(p -> p.field(Schema.PV).value(Schema.pv(field, prefix))));
    }

    @Override
    protected Query getWildcardQuery(String field, String pattern) throws ParseException {
        if ("*".equals(field) && "*".equals(pattern)) {
            return new MatchAllDocsQuery();
        }
        String folded = Keywords.fold(pattern);
        if (isFreeText(field)) {
            return freeText(super.getWildcardQuery(field, pattern),
                    Dsl.regexp(Schema.WORDS, Regexps.fromWildcard(folded)));
        }
        if (pattern.equals("*")) {
            return Dsl.exists(field);
        }
        return Dsl.regexp(Schema.PV, Regexps.literal(field + Schema.SEP) + "(" + Regexps.fromWildcard(folded) + ")");
    }

    @Override
    protected Query getRegexpQuery(String field, String regexp) throws ParseException {
        String values = regexp.toLowerCase(Locale.ROOT);
        if (isFreeText(field)) {
            return freeText(super.getRegexpQuery(field, regexp), Dsl.regexp(Schema.WORDS, values));
        }
        return Dsl.regexp(Schema.PV, Regexps.literal(field + Schema.SEP) + "(" + values + ")");
    }

    @Override
    protected Query getFuzzyQuery(String field, String term, float minSimilarity) throws ParseException {
        int edits = Math.min(minSimilarity >= 1 ? (int) minSimilarity : FuzzyQuery.defaultMaxEdits,
                LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE);
        String folded = Keywords.fold(term);
        if (isFreeText(field)) {
            return freeText(super.getFuzzyQuery(field, term, minSimilarity), Dsl.fuzzy(Schema.WORDS, folded, edits, 0));
        }
        // edits in the value only: the path and its separator are a prefix the fuzzy query may not change
        return Dsl.fuzzy(Schema.PV, Schema.pv(field, term), edits, (field + Schema.SEP).codePointCount(0, field.length() + 1));
    }

    @Override
    protected Query getRangeQuery(String field, String lower, String upper, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        if (Fields.TIME.equals(field)) {
            return timeRange(lower, upper, startInclusive, endInclusive);
        }
        if (isFreeText(field)) {
            return freeText(super.getRangeQuery(field, lower, upper, startInclusive, endInclusive),
                    Dsl.of(q -> q.range(r -> {
                        r.field(Schema.WORDS);
                        if (lower != null) {
                            String low = Keywords.fold(lower);
                            r = startInclusive ? r.gte(JsonData.of(low)) : r.gt(JsonData.of(low));
                        }
                        if (upper != null) {
                            String high = Keywords.fold(upper);
                            r = endInclusive ? r.lte(JsonData.of(high)) : r.lt(JsonData.of(high));
                        }
                        return r;
                    })));
        }
        return Dsl.valueRange(field, lower == null ? null : Keywords.fold(lower),
                upper == null ? null : Keywords.fold(upper), startInclusive, endInclusive);
    }

    /** As in EventQueryParser: ISO instants or dates; a date as upper bound means the whole of that day. */
    private static Query timeRange(String lower, String upper, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        long low = lower == null ? Long.MIN_VALUE : time(lower, false);
        long high = upper == null ? Long.MAX_VALUE : time(upper, true);
        if (lower != null && !startInclusive) {
            low = Math.addExact(low, 1);
        }
        if (upper != null && !endInclusive) {
            high = Math.addExact(high, -1);
        }
        return Dsl.timeRange(low, high);
    }

    private static long time(String text, boolean endOfPeriod) throws ParseException {
        if (text.length() == 10) {
            try {
                long start = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                return endOfPeriod ? start + 86_399_999L : start;
            } catch (java.time.format.DateTimeParseException e) {
                // not a date: an instant, below
            }
        }
        long millis = org.trailworkbench.ingest.Timestamps.parseMillis(text);
        if (millis == org.trailworkbench.ingest.ParsedEvent.NO_TIME) {
            ParseException error = new ParseException();
            error.initCause(new QuerySyntaxException("'" + text + "' is not a time", 0));
            throw error; // EventQueryParser has already rejected it with its own words
        }
        return millis;
    }
}

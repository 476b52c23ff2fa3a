package org.trailworkbench.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.RegExp;
import org.trailworkbench.index.Analyzers;
import org.trailworkbench.index.Fields;
import org.trailworkbench.index.Keywords;
import org.trailworkbench.index.RepeatedValuesQuery;
import org.trailworkbench.index.Shapes;
import org.trailworkbench.index.TermsUnion;
import org.trailworkbench.ingest.ParsedEvent;
import org.trailworkbench.ingest.Timestamps;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Lucene's classic query syntax over CloudTrail paths. {@code path:value} becomes a term of the keyword
 * field (case folded, see {@link Keywords}), {@code _exists_:path} a shape test ({@link Shapes}),
 * {@code eventTime} a time range, and bare words search all values. Terms are joined with AND unless the query says otherwise.
 */
public final class EventQueryParser {

    /**
     * Deepest nesting of parentheses a query may have. Lucene's parser recurses once per level, so thousands
     * of levels overflow the stack; no query a person writes comes near this.
     */
    public static final int MAX_NESTING = 100;

    private EventQueryParser() {
    }

    public static Query parse(String text) throws QuerySyntaxException {
        if (text == null || text.isBlank() || text.strip().equals("*") || text.strip().equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        checkNesting(text);
        var parser = new PathQueryParser();
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw oneLine(e, text);
        } catch (TokenMgrError e) {
            throw lexical(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new QuerySyntaxException(firstLine(e.getMessage()), 0);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("the query expands to too many terms; make wildcards more specific", 0);
        }
    }

    /** Counts parentheses outside quotes and escapes, before the recursive parser ever sees the text. */
    private static void checkNesting(String text) throws QuerySyntaxException {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
                throw new QuerySyntaxException("Syntax error at column " + (i + 1) + ": parentheses nested more than "
                        + MAX_NESTING + " deep", i + 1);
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            }
        }
    }

    private static QuerySyntaxException oneLine(ParseException e, String text) {
        if (e.getCause() instanceof ParseException original) {
            return oneLine(original, text); // the classic parser wraps the informative exception
        }
        if (e.getCause() instanceof QuerySyntaxException inner) {
            return inner;
        }
        if (e.getCause() instanceof TokenMgrError lexicalError) {
            return lexical(lexicalError.getMessage());
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return new QuerySyntaxException(firstLine(invalid.getMessage()), 0);
        }
        Token current = e.currentToken;
        if (current != null && current.next != null) {
            Token bad = current.next;
            int column = bad.beginColumn + 1; // JavaCC counts from 0, people from 1
            String found = bad.kind == 0 ? "end of query" : "'" + bad.image + "'";
            String hint = bad.kind == 0 ? " (an operator, bracket or quote is not closed)" : "";
            return new QuerySyntaxException("Syntax error at column " + column + ": unexpected " + found + hint, column);
        }
        String message = e.getMessage() == null ? "cannot parse the query" : e.getMessage().lines().findFirst().orElse("");
        if (message.startsWith("Cannot parse '" + text + "': ")) {
            message = message.substring(("Cannot parse '" + text + "': ").length());
        }
        return new QuerySyntaxException(message, 0);
    }

    private static final java.util.regex.Pattern LEXICAL =
            java.util.regex.Pattern.compile("column (\\d+)\\.\\s+Encountered: (.*?) after (?:prefix|:) \"(.*)\".*");

    /** JavaCC's lexical errors, e.g. an unclosed quote, told in one line with a 1-based column. */
    private static QuerySyntaxException lexical(String message) {
        String first = firstLine(message);
        var m = LEXICAL.matcher(first);
        if (!m.find()) {
            return new QuerySyntaxException(first.isEmpty() ? "Syntax error" : "Syntax error: " + first, 0);
        }
        int column = Integer.parseInt(m.group(1));
        boolean atEnd = m.group(2).equals("<EOF>");
        String prefix = m.group(3);
        if (atEnd && prefix.startsWith("\\\"")) {
            int quote = column - prefix.length() + 1;
            return new QuerySyntaxException("Syntax error at column " + quote + ": the quote opened here is not closed",
                    quote);
        }
        return new QuerySyntaxException("Syntax error at column " + column + ": unexpected "
                + (atEnd ? "end of query" : m.group(2)), column);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /** Routes field queries to the keyword, presence and time fields. */
    private static final class PathQueryParser extends QueryParser {

        PathQueryParser() {
            super(Fields.ALL, Analyzers.forQueries());
            setDefaultOperator(Operator.AND);
            setAllowLeadingWildcard(true);
            setSplitOnWhitespace(true);
            setMultiTermRewriteMethod(TermsUnion.REWRITE);
        }

        /** A group of only NOT clauses means "everything except": Lucene alone would match nothing. */
        @Override
        protected Query getBooleanQuery(java.util.List<org.apache.lucene.search.BooleanClause> clauses)
                throws ParseException {
            Query query = super.getBooleanQuery(clauses);
            if (query instanceof org.apache.lucene.search.BooleanQuery bool && !bool.clauses().isEmpty()
                    && bool.clauses().stream().allMatch(c -> c.isProhibited())) {
                var withAll = new org.apache.lucene.search.BooleanQuery.Builder();
                bool.clauses().forEach(withAll::add);
                withAll.add(new MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER);
                return withAll.build();
            }
            return query;
        }

        private static boolean isFreeText(String field) {
            return field == null || field.equals(Fields.ALL);
        }

        /**
         * Free text: the words of {@code _all}, of the repeated values ({@link RepeatedValuesQuery}), and the
         * plain-word values that are findable only through their keyword term ({@code wholeValues}, see
         * {@link Keywords}): together exactly what a search of every value's words finds.
         */
        private static Query freeText(Query words, Query wholeValues) {
            if (words == null) {
                return wholeValues;
            }
            words = RepeatedValuesQuery.including(words);
            if (wholeValues == null) {
                return words;
            }
            return new BooleanQuery.Builder()
                    .add(words, BooleanClause.Occur.SHOULD)
                    .add(wholeValues, BooleanClause.Occur.SHOULD)
                    .build();
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            if (isFreeText(field)) {
                return freeText(super.getFieldQuery(field, text, quoted), Keywords.wholeWord(text));
            }
            if (field.equals(Fields.EXISTS)) {
                return Shapes.exists(text);
            }
            if (field.equals(Fields.TIME)) {
                return timeRange(text, text, true, true);
            }
            return Keywords.value(field, text);
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            if (isFreeText(field)) {
                return freeText(super.getFieldQuery(field, text, slop), Keywords.wholeWord(text));
            }
            return getFieldQuery(field, text, true);
        }

        @Override
        protected Query getPrefixQuery(String field, String prefix) throws ParseException {
            if (isFreeText(field)) {
                Query words = super.getPrefixQuery(field, prefix);
                return freeText(words, Keywords.startingWith(null, prefix));
            }
            if (prefix.isEmpty()) {
                return Shapes.exists(field);
            }
            return Keywords.startingWith(field, prefix);
        }

        @Override
        protected Query getWildcardQuery(String field, String pattern) throws ParseException {
            if ("*".equals(field) && "*".equals(pattern)) {
                return new MatchAllDocsQuery();
            }
            if (isFreeText(field)) {
                return freeText(super.getWildcardQuery(field, pattern), Keywords.wholeWords(wildcard(pattern), pattern));
            }
            if (pattern.equals("*")) {
                return Shapes.exists(field);
            }
            return Keywords.valuesOf(field, wildcard(pattern), pattern);
        }

        /** A wildcard pattern over folded values; the classic parser leaves escapes in for WildcardQuery. */
        private static Automaton wildcard(String pattern) {
            return WildcardQuery.toAutomaton(new Term(Fields.KEYWORDS, Keywords.fold(pattern)));
        }

        @Override
        protected Query getRegexpQuery(String field, String regexp) throws ParseException {
            Automaton values;
            try {
                values = new RegExp(regexp.toLowerCase(java.util.Locale.ROOT)).toAutomaton();
            } catch (IllegalArgumentException e) {
                ParseException error = new ParseException();
                error.initCause(new QuerySyntaxException("/" + regexp + "/ is not a regular expression: "
                        + firstLine(e.getMessage()).replaceAll(" at position \\d+", ""), 0));
                throw error;
            }
            if (isFreeText(field)) {
                return freeText(super.getRegexpQuery(field, regexp), Keywords.wholeWords(values, "/" + regexp + "/"));
            }
            return Keywords.valuesOf(field, values, "/" + regexp + "/");
        }

        @Override
        protected Query getFuzzyQuery(String field, String term, float minSimilarity) throws ParseException {
            int edits = Math.min(minSimilarity >= 1 ? (int) minSimilarity : FuzzyQuery.defaultMaxEdits,
                    LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE);
            String folded = Keywords.fold(term);
            Automaton values = new LevenshteinAutomata(folded, true).toAutomaton(edits);
            if (isFreeText(field)) {
                return freeText(super.getFuzzyQuery(field, term, minSimilarity),
                        Keywords.wholeWords(values, folded + "~" + edits));
            }
            return Keywords.valuesOf(field, values, folded + "~" + edits);
        }

        @Override
        protected Query getRangeQuery(String field, String lower, String upper, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (Fields.TIME.equals(field)) {
                return timeRange(lower, upper, startInclusive, endInclusive);
            }
            if (isFreeText(field)) {
                return freeText(super.getRangeQuery(field, lower, upper, startInclusive, endInclusive),
                        Keywords.wholeWordRange(lower, upper, startInclusive, endInclusive));
            }
            // values compare as text: fine for names, dates and same-width numbers
            return Keywords.rangeOf(field, lower, upper, startInclusive, endInclusive);
        }

        /** Times as ISO instants or dates; a date as upper bound means the whole of that day. */
        private Query timeRange(String lower, String upper, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            long low = lower == null ? Long.MIN_VALUE : time(lower, false);
            long high = upper == null ? Long.MAX_VALUE : time(upper, true);
            if (lower != null && !startInclusive) {
                low = Math.addExact(low, 1);
            }
            if (upper != null && !endInclusive) {
                high = Math.addExact(high, -1);
            }
            return LongPoint.newRangeQuery(Fields.TIME, low, high);
        }

        private long time(String text, boolean endOfPeriod) throws ParseException {
            if (text.length() == 10) {
                try {
                    LocalDate day = LocalDate.parse(text);
                    long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                    return endOfPeriod ? start + 86_399_999L : start;
                } catch (java.time.format.DateTimeParseException e) {
                    // fall through to the error below
                }
            }
            long millis = Timestamps.parseMillis(text);
            if (millis == ParsedEvent.NO_TIME) {
                ParseException error = new ParseException();
                error.initCause(new QuerySyntaxException("'" + text + "' is not a time: use 2024-05-14 or "
                        + "2024-05-14T06:00Z", 0));
                throw error;
            }
            return millis;
        }
    }
}

package org.trailworkbench.index;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;

/**
 * The keyword field {@link Fields#KEYWORDS}: one term for every leaf of a record, {@code value SEP path}, the
 * value case folded. The value comes first so that one sorted term dictionary answers both kinds of search:
 * {@code path:value} is one exact term, and a bare word that is a whole value is a prefix ({@code value SEP}).
 *
 * <p>That second use is what makes import fast: a value that is a single plain word ({@link #isWord}), which
 * is most CloudTrail values (names, ids, regions, IP addresses, booleans), is not repeated as a word of the
 * free-text field {@link Fields#ALL}. The separator tells which kind a value is, so a bare-word search looks
 * among the plain-word terms only ({@link #WORD_SEP}) and finds exactly what a free-text search over every
 * value would find. Every term holds exactly one separator character and paths hold none; so an automaton
 * over the value followed by a separator and a path never lets the value part swallow the separator.
 */
public final class Keywords {

    /** Ends the value of a term whose value is one plain word, and so is not in {@link Fields#ALL}. */
    static final char WORD_SEP = '\u0000';
    /** Ends the value of any other term; its words are in {@link Fields#ALL}. */
    static final char TEXT_SEP = '\u0001';
    /** Stands for a separator character found inside a value, so a term never holds two. */
    private static final char REPLACEMENT = '\uFFFD';

    private Keywords() {
    }

    /** The value as the keyword field holds it: case folded, cut at {@link Fields#MAX_KEYWORD_CHARS}. */
    public static String fold(String value) {
        String v = value.length() > Fields.MAX_KEYWORD_CHARS ? value.substring(0, Fields.MAX_KEYWORD_CHARS) : value;
        v = v.toLowerCase(Locale.ROOT);
        if (v.indexOf(WORD_SEP) >= 0 || v.indexOf(TEXT_SEP) >= 0) {
            v = v.replace(WORD_SEP, REPLACEMENT).replace(TEXT_SEP, REPLACEMENT);
        }
        return v;
    }

    /**
     * A folded value that the free-text analyzer would turn into exactly itself, one word: ASCII letters,
     * digits and the joiners {@code . - _ @}, at most {@link FreeTextStream#MAX_WORD} characters.
     */
    public static boolean isWord(CharSequence folded) {
        int n = folded.length();
        if (n == 0 || n > FreeTextStream.MAX_WORD) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = folded.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'
                    || c == '@';
            if (!word) {
                return false;
            }
        }
        return true;
    }

    /** The term for {@code path} holding {@code value}: what indexing writes and an exact query looks up. */
    public static Term term(String path, String value) {
        return new Term(Fields.KEYWORDS, text(path, fold(value)));
    }

    static String text(String path, String folded) {
        return folded + (isWord(folded) ? WORD_SEP : TEXT_SEP) + path;
    }

    /** {@code path:value}, case-insensitive. */
    public static Query value(String path, String value) {
        BytesRef term = new BytesRef(text(path, fold(value)));
        return inBoth(field -> new TermQuery(new Term(field, term)));
    }

    /** Values of {@code path} accepted by {@code values}, an automaton over folded values (Unicode). */
    public static Query valuesOf(String path, Automaton values, String description) {
        Automaton a = Operations.concatenate(List.of(values, separators(), Automata.makeString(path)));
        return inBoth(field -> new AutomatonQuery(new Term(field, path + ":" + description), a,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false, TermsUnion.REWRITE));
    }

    /**
     * Values of {@code path} starting with {@code prefix}, taken literally; or, with a null path, plain-word
     * values of any path (for a free-text prefix). A seek and a walk along the terms with that prefix: no
     * automaton, so a long prefix costs nothing more.
     */
    public static Query startingWith(String path, String prefix) {
        String folded = fold(prefix);
        if (path == null) {
            return new ValuePrefixQuery(Fields.KEYWORDS, null, folded);
        }
        return inBoth(field -> new ValuePrefixQuery(field, path, folded));
    }

    /** Values of {@code path} in a range of folded values, compared as UTF-8 bytes; a null bound is open. */
    public static Query rangeOf(String path, String lower, String upper, boolean includeLower, boolean includeUpper) {
        Automaton a = Operations.concatenate(List.of(interval(lower, upper, includeLower, includeUpper),
                separators(), Automata.makeBinary(new BytesRef(path))));
        return inBoth(field -> new AutomatonQuery(new Term(field, path + ":" + lower + ".." + upper), a,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, true, TermsUnion.REWRITE));
    }

    /**
     * A path query over both keyword fields: a value may be in either, as the import found it repeated or
     * not ({@link RepeatedValues}).
     */
    private static Query inBoth(java.util.function.Function<String, Query> queryOn) {
        return new BooleanQuery.Builder()
                .add(queryOn.apply(Fields.KEYWORDS), BooleanClause.Occur.SHOULD)
                .add(queryOn.apply(Fields.REPEATED), BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * The plain-word values that a free-text query for {@code word} must also find, since such values are not
     * in {@link Fields#ALL}; null when {@code word} cannot be one (it is not a plain word).
     */
    public static Query wholeWord(String word) {
        String folded = fold(word);
        if (!isWord(folded)) {
            return null;
        }
        return new PrefixQuery(new Term(Fields.KEYWORDS, folded + WORD_SEP), TermsUnion.REWRITE);
    }

    /** Plain-word values (of any path) accepted by {@code words}, for wildcard, regular and fuzzy free text. */
    public static Query wholeWords(Automaton words, String description) {
        Automaton a = Operations.concatenate(List.of(words, Automata.makeChar(WORD_SEP), Automata.makeAnyString()));
        return new AutomatonQuery(new Term(Fields.KEYWORDS, "*:" + description), a,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, false, TermsUnion.REWRITE);
    }

    /** Plain-word values in a range, for a free-text range query. */
    public static Query wholeWordRange(String lower, String upper, boolean includeLower, boolean includeUpper) {
        Automaton a = Operations.concatenate(List.of(interval(lower, upper, includeLower, includeUpper),
                Automata.makeBinary(new BytesRef(new byte[]{WORD_SEP})), Automata.makeAnyBinary()));
        return new AutomatonQuery(new Term(Fields.KEYWORDS, "*:" + lower + ".." + upper), a,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, true, TermsUnion.REWRITE);
    }

    private static Automaton interval(String lower, String upper, boolean includeLower, boolean includeUpper) {
        BytesRef low = lower == null ? new BytesRef() : new BytesRef(fold(lower));
        BytesRef high = upper == null ? null : new BytesRef(fold(upper));
        // an open end (*) has no bound to include or leave out, whichever bracket the query wrote
        return Automata.makeBinaryInterval(low, lower == null || includeLower, high, upper == null || includeUpper);
    }

    /** Either separator; both are single bytes in UTF-8, so this serves binary automata too. */
    private static Automaton separators() {
        return Automata.makeCharRange(WORD_SEP, TEXT_SEP);
    }

    /** The index of the separator in a term: the first separator byte, as values never hold one. */
    static int separatorAt(BytesRef term) {
        for (int i = term.offset; i < term.offset + term.length; i++) {
            if (isSeparator(term.bytes[i])) {
                return i;
            }
        }
        return -1;
    }

    static boolean isSeparator(byte b) {
        return b == WORD_SEP || b == TEXT_SEP;
    }

    private static final class ValuePrefixQuery extends MultiTermQuery {
        private final String path;
        private final String prefix;
        private final BytesRef prefixBytes;
        private final byte[] pathBytes;

        ValuePrefixQuery(String field, String path, String prefix) {
            super(field, TermsUnion.REWRITE);
            this.path = path;
            this.prefix = prefix;
            this.prefixBytes = new BytesRef(prefix);
            this.pathBytes = path == null ? null : path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws java.io.IOException {
            return new FilteredTermsEnum(terms.iterator()) {
                {
                    setInitialSeekTerm(prefixBytes);
                }

                @Override
                protected AcceptStatus accept(BytesRef term) {
                    if (!StringHelper.startsWith(term, prefixBytes)) {
                        return AcceptStatus.END;
                    }
                    int sep = separatorAt(term);
                    if (sep < 0) {
                        return AcceptStatus.NO;
                    }
                    if (pathBytes == null) {
                        return term.bytes[sep] == WORD_SEP ? AcceptStatus.YES : AcceptStatus.NO;
                    }
                    int end = term.offset + term.length;
                    return Arrays.equals(term.bytes, sep + 1, end, pathBytes, 0, pathBytes.length)
                            ? AcceptStatus.YES : AcceptStatus.NO;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String defaultField) {
            return (path == null ? "" : path + ":") + prefix + "*";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ValuePrefixQuery that && that.field.equals(field) && Objects.equals(that.path, path)
                    && that.prefix.equals(prefix);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ValuePrefixQuery.class, field, path, prefix);
        }
    }
}

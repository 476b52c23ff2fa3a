package org.trailworkbench.remote;

/**
 * Lucene regular expressions (what OpenSearch's regexp query takes) over the keyword terms of
 * {@link Schema#KV}: {@code value SEP path}, exactly one separator a term, none inside a value or a path.
 */
final class Regexps {

    /** Either separator. */
    static final String SEPARATOR = "[" + Schema.WORD_SEP + Schema.TEXT_SEP + "]";
    /** The rest of a value: anything up to the separator. */
    static final String VALUE_REST = "[^" + Schema.WORD_SEP + Schema.TEXT_SEP + "]*";

    private Regexps() {
    }

    /** The text taken literally: every character but letters and digits escaped, which RegExp allows for any. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!(c < 128 && Character.isLetterOrDigit(c))) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    /** A wildcard pattern ({@code *}, {@code ?}, backslash escapes) as a regular expression. */
    static String fromWildcard(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() * 2);
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' && i < pattern.length()) {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                out.append(literal(new String(Character.toChars(escaped))));
            } else if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else {
                out.append(literal(new String(Character.toChars(c))));
            }
        }
        return out.toString();
    }
}

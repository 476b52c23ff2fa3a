package org.trailworkbench.remote;

/** Lucene regular expressions, what OpenSearch's regexp query takes. */
final class Regexps {

    private Regexps() {
    }

    /** The text taken literally: every character but letters and digits escaped, which RegExp allows for any. */
    static String literal(String text) {
        // a NUL is escaped too: "\\" then the character itself, which RegExp takes literally
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

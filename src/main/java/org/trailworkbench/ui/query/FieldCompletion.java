package org.trailworkbench.ui.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Field-name completion for the query bar, as plain logic: which word the caret is in, which field paths
 * fit it, and the text after choosing one. Only field names complete (a word with no colon yet); values
 * are for the facets.
 */
public final class FieldCompletion {

    public static final int MAX_SUGGESTIONS = 12;

    /** The word being typed: {@code text.substring(start, end)}. */
    public record Word(int start, int end, String text) {
    }

    /** The text after a choice, and where the caret goes. */
    public record Applied(String text, int caret) {
    }

    private FieldCompletion() {
    }

    /** The field-name word around the caret, or null when the caret is in a value, a quote, or nothing. */
    public static Word wordAt(String text, int caretPosition) {
        int caret = Math.max(0, Math.min(caretPosition, text.length()));
        int start = caret;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        int end = caret;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (start == end || end < text.length() && text.charAt(end) == ':') {
            return null; // nothing typed, or the field is already complete
        }
        if (start > 0 && text.charAt(start - 1) == ':') {
            return null; // a value
        }
        if (quotesBefore(text, start) % 2 == 1) {
            return null;
        }
        String word = text.substring(start, end);
        if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
            return null;
        }
        return new Word(start, end, word);
    }

    /** Paths that start with the word first, then paths that contain it; case-insensitive. */
    public static List<String> suggest(Word word, List<String> paths) {
        if (word == null) {
            return List.of();
        }
        String w = word.text().toLowerCase(Locale.ROOT);
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (String path : paths) {
            String p = path.toLowerCase(Locale.ROOT);
            if (p.equals(w)) {
                starts.add(0, path);
            } else if (p.startsWith(w) || p.contains("." + w)) {
                starts.add(path);
            } else if (p.contains(w)) {
                contains.add(path);
            }
        }
        starts.addAll(contains);
        return starts.size() > MAX_SUGGESTIONS ? List.copyOf(starts.subList(0, MAX_SUGGESTIONS)) : List.copyOf(starts);
    }

    public static Applied apply(String text, Word word, String path) {
        String inserted = path + ":";
        String result = text.substring(0, word.start()) + inserted + text.substring(word.end());
        return new Applied(result, word.start() + inserted.length());
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    private static int quotesBefore(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }
}

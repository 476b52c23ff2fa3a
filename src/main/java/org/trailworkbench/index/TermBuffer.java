package org.trailworkbench.index;

import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keyword terms of one record ({@link Keywords}), written as UTF-8 straight into one reused buffer:
 * folding case and encoding in one pass over each value, with no string built per leaf. Most CloudTrail
 * values are ASCII; any other value takes the general path of {@link Keywords#fold}.
 */
final class TermBuffer {
    private byte[] bytes = new byte[8192];
    private int length;
    private final List<BytesRef> terms = new ArrayList<>(64);
    private boolean[] repeated = new boolean[64];
    private int count;
    /** Whether the last term holds its whole value exactly as a record has it, but for ASCII case. */
    private boolean lastWhole;
    private final List<BytesRef> others = new ArrayList<>(64);
    private final List<BytesRef> ofRepeated = new ArrayList<>(16);

    void clear() {
        length = 0;
        count = 0;
    }

    /** Appends the term of {@code value} at the path; true when the value is a plain word. */
    boolean add(String value, byte[] path) {
        int start = length;
        boolean word = appendAsciiFolded(value);
        lastWhole = length >= 0 && value.length() <= Fields.MAX_KEYWORD_CHARS;
        if (!word && length < 0) { // not ASCII: fold as the query side does, then encode
            length = start;
            String folded = Keywords.fold(value);
            word = Keywords.isWord(folded);
            grow(UnicodeUtil.maxUTF8Length(folded.length()));
            length = UnicodeUtil.UTF16toUTF8(folded, 0, folded.length(), bytes, length);
        }
        grow(1 + path.length);
        bytes[length++] = (byte) (word ? Keywords.WORD_SEP : Keywords.TEXT_SEP);
        System.arraycopy(path, 0, bytes, length, path.length);
        length += path.length;
        if (count == terms.size()) {
            terms.add(new BytesRef());
            if (terms.size() > repeated.length) {
                repeated = Arrays.copyOf(repeated, 2 * terms.size());
            }
        }
        repeated[count] = false;
        BytesRef term = terms.get(count++);
        term.offset = start;
        term.length = length - start;
        return word;
    }

    /**
     * The term just added, when it may go to {@link Fields#REPEATED}: its value is ASCII and whole, so the
     * free-text words of the term's value are the words of the record's value ({@link RepeatedWords}).
     * Null otherwise.
     */
    BytesRef lastIfWhole() {
        if (!lastWhole) {
            return null;
        }
        BytesRef last = terms.get(count - 1);
        last.bytes = bytes;
        return last;
    }

    /** Moves the term just added to the repeated values' terms. */
    void markLastRepeated() {
        repeated[count - 1] = true;
    }

    /**
     * The terms added since {@link #clear()}, of repeated values or of the others; valid until the next
     * {@code clear}.
     */
    List<BytesRef> terms(boolean repeatedValues) {
        List<BytesRef> picked = repeatedValues ? ofRepeated : others;
        picked.clear();
        for (int i = 0; i < count; i++) {
            if (repeated[i] == repeatedValues) {
                BytesRef term = terms.get(i);
                term.bytes = bytes; // the buffer may have grown since the term was added
                picked.add(term);
            }
        }
        return picked;
    }

    /**
     * Writes the value lowercased if it is all ASCII, as {@link Keywords#fold} would (cut to the same length,
     * separators replaced). Returns whether it is a plain word; sets {@code length} to -1 when it is not ASCII.
     */
    private boolean appendAsciiFolded(String value) {
        int n = Math.min(value.length(), Fields.MAX_KEYWORD_CHARS);
        grow(n);
        boolean word = n > 0 && n <= FreeTextStream.MAX_WORD;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = -1;
                return false;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c == Keywords.WORD_SEP || c == Keywords.TEXT_SEP) {
                length = -1; // replaced by a non-ASCII character: the general path
                return false;
            }
            word &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '@';
            bytes[at++] = (byte) c;
        }
        length = at;
        return word;
    }

    private void grow(int more) {
        if (length + more > bytes.length) {
            bytes = ArrayUtil.grow(bytes, length + more);
        }
    }
}

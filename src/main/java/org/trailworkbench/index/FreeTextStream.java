package org.trailworkbench.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.util.Collection;
import java.util.Iterator;

/**
 * Cuts the values of a record into lowercase words exactly as {@link Analyzers#freeText()} does, but
 * straight from the value strings: no joined copy of the text, no Reader, no filter chain.
 * {@code FreeTextStreamTest} holds the two to the same output.
 */
final class FreeTextStream extends TokenStream {
    /** The longest word; longer runs are cut, as Lucene's CharTokenizer cuts them. */
    static final int MAX_WORD = 255;
    /** Positions left empty between two values, so that a phrase never spans the end of one and the next. */
    static final int VALUE_GAP = 100;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private boolean newValue;
    private Collection<String> values;
    private Iterator<String> nextValue;
    private String value;
    private int offset;

    FreeTextStream(Collection<String> values) {
        this.values = values;
    }

    /** This stream, now over {@code values}: a record's document is indexed before the next is built. */
    FreeTextStream of(Collection<String> values) {
        this.values = values;
        return this;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (true) {
            if (value == null) {
                if (!nextValue.hasNext()) {
                    return false;
                }
                value = nextValue.next();
                offset = 0;
                newValue = true;
            }
            if (nextWord()) {
                if (newValue) {
                    position.setPositionIncrement(VALUE_GAP + 1);
                    newValue = false;
                }
                return true;
            }
            value = null;
        }
    }

    /** Appends the next word of {@code value} from {@code offset}; false at the end of the value. */
    private boolean nextWord() {
        String v = value;
        int n = v.length();
        int length = 0;
        char[] buffer = term.buffer();
        while (offset < n) {
            int c = v.codePointAt(offset);
            int width = Character.charCount(c);
            if (Analyzers.isWordChar(c)) {
                if (length + 2 > buffer.length) {
                    buffer = term.resizeBuffer(length + 2);
                }
                length += Character.toChars(Character.toLowerCase(c), buffer, length);
                offset += width;
                if (length >= MAX_WORD) {
                    break;
                }
            } else {
                offset += width;
                if (length > 0) {
                    break;
                }
            }
        }
        term.setLength(length);
        return length > 0;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        nextValue = values.iterator();
        value = null;
    }
}

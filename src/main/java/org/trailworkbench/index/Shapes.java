package org.trailworkbench.index;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which paths a record has, as its <em>shape</em>: the list of its object and leaf paths in one term of
 * {@link Fields#SHAPE}, {@code \npath\npath\n}. Records of one API call nearly always have the same paths, so
 * a trail of millions of events has only thousands of shapes: one term per event instead of one per path
 * (about 40) makes import much cheaper, and {@code _exists_:path} becomes "any shape listing the path",
 * found by reading the few thousand shape terms of each segment.
 */
public final class Shapes {

    /** A term stays well under Lucene's limit of 32766 bytes; a larger shape is cut into several terms. */
    static final int MAX_TERM_BYTES = 30_000;
    private static final char LINE = '\n';
    private static final char REPLACEMENT = '\uFFFD';

    private Shapes() {
    }

    /** The shape terms of a record with these paths (each path once, in any order). */
    static List<BytesRef> terms(Collection<String> paths) {
        List<BytesRef> terms = new ArrayList<>(1);
        StringBuilder shape = new StringBuilder(paths.size() * 24).append(LINE);
        for (String path : paths) {
            String line = clean(path);
            if (shape.length() > 1 && (shape.length() + line.length()) * 3L > MAX_TERM_BYTES) {
                terms.add(new BytesRef(shape));
                shape.setLength(1);
            }
            shape.append(line).append(LINE);
        }
        if (shape.length() > 1) {
            terms.add(new BytesRef(shape));
        }
        return terms;
    }

    /** A path can in theory hold a line break; it must not split into two lines of a shape. */
    private static String clean(String path) {
        return path.indexOf(LINE) < 0 ? path : path.replace(LINE, REPLACEMENT);
    }

    /** Events that have {@code path}, as an object, an array or a non-null value. */
    public static Query exists(String path) {
        return new ExistsQuery(path);
    }

    /** Every path of every shape in {@code terms}, for completion. */
    public static void forEachPath(Terms terms, Consumer<String> paths) throws java.io.IOException {
        TermsEnum it = terms.iterator();
        BytesRef term;
        while ((term = it.next()) != null) {
            String shape = term.utf8ToString();
            int start = 1;
            for (int end = shape.indexOf(LINE, start); end >= 0; end = shape.indexOf(LINE, start)) {
                paths.accept(shape.substring(start, end));
                start = end + 1;
            }
        }
    }

    /** Matches the shape terms that list the path. */
    private static final class ExistsQuery extends MultiTermQuery {
        private final String path;
        private final byte[] needle;

        ExistsQuery(String path) {
            super(Fields.SHAPE, TermsUnion.REWRITE);
            this.path = path;
            this.needle = (LINE + clean(path) + LINE).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws java.io.IOException {
            return new FilteredTermsEnum(terms.iterator(), false) {
                @Override
                protected AcceptStatus accept(BytesRef term) {
                    return contains(term, needle) ? AcceptStatus.YES : AcceptStatus.NO;
                }
            };
        }

        private static boolean contains(BytesRef term, byte[] needle) {
            byte[] bytes = term.bytes;
            byte first = needle[0];
            int last = term.offset + term.length - needle.length;
            for (int i = term.offset; i <= last; i++) {
                if (bytes[i] != first) {
                    continue;
                }
                int j = 1;
                while (j < needle.length && bytes[i + j] == needle[j]) {
                    j++;
                }
                if (j == needle.length) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                visitor.visitLeaf(this);
            }
        }

        @Override
        public String toString(String defaultField) {
            return "_exists_:" + path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExistsQuery that && that.path.equals(path);
        }

        @Override
        public int hashCode() {
            return ExistsQuery.class.hashCode() * 31 + path.hashCode();
        }
    }
}

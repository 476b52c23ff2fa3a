package org.trailworkbench.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Indexing cuts words with FreeTextStream, queries with the analyzer: they must agree exactly. */
class FreeTextStreamTest {

    static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            out.add(term.toString());
        }
        stream.end();
        stream.close();
        return out;
    }

    @Test
    void cutsWordsLikeTheQueryAnalyzer() throws IOException {
        List<String> values = List.of("arn:aws:iam::111122223333:user/Alice", "aws-cli/2.15.0 Python/3.11",
                "10.0.0.1", "AccessDenied", "Ünïcödé Straße ☕🚀 日本語", "  ", "", "a@b.com, x_y-z.",
                "ÀÉÎ" + "x".repeat(600), "I-0ABC/def");
        List<String> expected = new ArrayList<>();
        try (Analyzer analyzer = Analyzers.freeText()) {
            for (String value : values) {
                expected.addAll(tokens(analyzer.tokenStream(Fields.ALL, value)));
            }
        }
        assertThat(tokens(new FreeTextStream(values))).isEqualTo(expected).contains("alice", "aws-cli", "10.0.0.1",
                "accessdenied", "straße", "日本語", "a@b.com", "i-0abc");
    }
}

package org.trailworkbench.ui;

import org.junit.jupiter.api.Test;
import org.trailworkbench.ui.query.FieldCompletion;
import org.trailworkbench.ui.query.QueryHistory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldCompletionTest {

    private static final List<String> PATHS = List.of("eventName", "eventSource", "errorCode", "userIdentity.arn",
            "userIdentity.type", "requestParameters.bucketName");

    @Test
    void completesTheFieldNameUnderTheCaret() {
        String text = "errorCode:* AND userIdentity.a";
        var word = FieldCompletion.wordAt(text, text.length());
        assertThat(word.text()).isEqualTo("userIdentity.a");
        assertThat(FieldCompletion.suggest(word, PATHS)).containsExactly("userIdentity.arn");
        var applied = FieldCompletion.apply(text, word, "userIdentity.arn");
        assertThat(applied.text()).isEqualTo("errorCode:* AND userIdentity.arn:");
        assertThat(applied.caret()).isEqualTo(applied.text().length());
    }

    @Test
    void matchesPathSegmentsBeforeSubstrings() {
        var word = FieldCompletion.wordAt("bucket", 6);
        assertThat(FieldCompletion.suggest(word, PATHS)).containsExactly("requestParameters.bucketName");
        assertThat(FieldCompletion.suggest(FieldCompletion.wordAt("e", 1), PATHS))
                .startsWith("eventName", "eventSource", "errorCode");
    }

    @Test
    void valuesOperatorsAndQuotesDoNotComplete() {
        assertThat(FieldCompletion.wordAt("eventName:Get", 13)).isNull();
        assertThat(FieldCompletion.wordAt("a AND", 5)).isNull();
        assertThat(FieldCompletion.wordAt("\"some text", 10)).isNull();
        assertThat(FieldCompletion.wordAt("eventName:", 10)).isNull();
        assertThat(FieldCompletion.wordAt("", 0)).isNull();
        assertThat(FieldCompletion.wordAt("abc", 99).text()).isEqualTo("abc");
    }

    @Test
    void historyWalksLikeAShell() {
        QueryHistory history = new QueryHistory(List.of("old"));
        history.add("first");
        history.add("second");
        history.add("first");
        assertThat(history.entries()).containsExactly("first", "second", "old");
        assertThat(history.older("draft")).isEqualTo("first");
        assertThat(history.older("first")).isEqualTo("second");
        assertThat(history.older("second")).isEqualTo("old");
        assertThat(history.older("old")).isNull();
        assertThat(history.newer()).isEqualTo("second");
        assertThat(history.newer()).isEqualTo("first");
        assertThat(history.newer()).isEqualTo("draft");
        assertThat(history.newer()).isNull();
    }
}

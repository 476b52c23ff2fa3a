package org.trailworkbench.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A bad query gets one line a person can act on, with the 1-based column where one is known. */
class EventQueryParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "eventName:(          | 12 | Syntax error at column 12: unexpected end of query",
            "AND                  | 1  | Syntax error at column 1: unexpected 'AND'",
            "a:b c:d)             | 8  | Syntax error at column 8: unexpected ')'",
            "'\"unclosed'         | 1  | Syntax error at column 1: the quote opened here is not closed",
            "'userAgent:\"abc'    | 11 | Syntax error at column 11: the quote opened here is not closed",
            "eventName:/[a/       | 0  | /[a/ is not a regular expression: expected ']'",
            "eventTime:[2024-01-01 TO x] | 0 | 'x' is not a time",
    })
    void badQueriesGetOneLineWithTheColumn(String query, int column, String messageStart) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> EventQueryParser.parse(query));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(messageStart).doesNotContain("\n");
        assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void fiveThousandNestedParenthesesAreASyntaxErrorNotAStackOverflow() throws Exception {
        String deep = "(".repeat(5_000) + "eventName:GetObject" + ")".repeat(5_000);

        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> EventQueryParser.parse(deep));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("Syntax error at column 101: parentheses nested more than 100 deep");
        String allowed = "(".repeat(EventQueryParser.MAX_NESTING) + "eventName:GetObject" + ")".repeat(EventQueryParser.MAX_NESTING);
        assertThat(EventQueryParser.parse(allowed)).isEqualTo(EventQueryParser.parse("eventName:GetObject"));
        String quoted = "eventName:\"" + "(".repeat(5_000) + "\" OR eventName:\\(";
        assertThat(EventQueryParser.parse(quoted)).isNotNull();
    }

    @Test
    void deepBracketsAndOperatorChainsAreOneLineErrorsToo() {
        for (String hostile : new String[]{"[".repeat(5_000), "{".repeat(5_000), "NOT ".repeat(5_000) + "x",
                "+".repeat(5_000) + "x", "\"".repeat(5_001)}) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> EventQueryParser.parse(hostile));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(QuerySyntaxException.class);
                assertThat(thrown.getMessage()).doesNotContain("\n");
            }
        }
    }
}

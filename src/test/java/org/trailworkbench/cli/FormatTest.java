package org.trailworkbench.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    @Test
    void controlCharactersBecomeVisible() {
        assertThat(Format.printable("two\nlines\tand \u001b[31mred\u009b")).isEqualTo("two\\nlines\\tand \\u001b[31mred\\u009b");
        assertThat(Format.printable("José 東京")).isEqualTo("José 東京");
        assertThat(Format.printable(null)).isEmpty();
    }

    @Test
    void tablesPadCutAndAlign() {
        StringWriter text = new StringWriter();
        Table table = new Table(8, "name", "n").alignRight(1);
        table.print(new PrintWriter(text, true), List.of(new String[]{"José", "7"}, new String[]{"a-very-long-name", "1234"}));
        table.print(new PrintWriter(text, true), List.<String[]>of(new String[]{"x\ny", "1"}));

        assertThat(text.toString().lines()).containsExactly(
                "name         n",
                "José         7",
                "a-very-…  1234",
                "x\\ny         1");
    }

    @Test
    void durationsAndSizes() {
        assertThat(Format.duration(Duration.ofMillis(1234))).isEqualTo("1.2 s");
        assertThat(Format.duration(Duration.ofSeconds(125))).isEqualTo("2m 5s");
        assertThat(Format.duration(Duration.ofMinutes(150))).isEqualTo("2h 30m");
        assertThat(Format.bytes(512)).isEqualTo("512 B");
        assertThat(Format.bytes(3 * 1024 * 1024)).isEqualTo("3.0 MiB");
        assertThat(Format.count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void progressIsDrawnOnlyAtATerminal() {
        StringWriter quiet = new StringWriter();
        new ProgressLine(new PrintWriter(quiet), false).show("50%");
        assertThat(quiet.toString()).isEmpty();

        StringWriter tty = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(tty), true);
        line.show("50%");
        line.show("51%"); // too soon after the last one: skipped
        line.clear();
        assertThat(tty.toString()).isEqualTo("\r50%\u001b[K\r\u001b[K");
    }
}

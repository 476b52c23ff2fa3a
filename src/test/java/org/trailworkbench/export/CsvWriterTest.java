package org.trailworkbench.export;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    static String write(boolean neutralise, String... cells) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = new CsvWriter(text, neutralise)) {
            csv.writeRow(cells);
        }
        return text.toString();
    }

    @Test
    void quotesOnlyWhatNeedsIt() throws IOException {
        assertThat(write(true, "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", null, "José 東京"))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,,José 東京\r\n");
    }

    @Test
    void neutralisesFormulasByDefault() throws IOException {
        assertThat(write(true, "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "'quoted"))
                .isEqualTo("'=cmd|' /C calc'!A0,'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b,'quoted\r\n");
    }

    @Test
    void writesFormulasRawWhenAsked() throws IOException {
        assertThat(write(false, "=cmd|' /C calc'!A0", "@SUM(A1)")).isEqualTo("=cmd|' /C calc'!A0,@SUM(A1)\r\n");
    }

    @Test
    void readsBackWithAStrictReader() throws IOException {
        String[] cells = {"=1+1", "a,\"b\"\r\nc", "", "ü"};
        assertThat(Rfc4180.parse(write(false, cells))).containsExactly(java.util.List.of(cells));
    }
}

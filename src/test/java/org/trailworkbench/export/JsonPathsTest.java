package org.trailworkbench.export;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathsTest {

    static final String RECORD = """
            {"eventTime":"2024-05-14T06:00:00Z","eventName":"GetObject","readOnly":true,"n":12.50,"missing":null,
             "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/José","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
             "requestParameters":{"bucketName":"evidence","key":"a,b \\"c\\"","tags":["x","y",null]},
             "resources":[{"ARN":"arn:aws:s3:::evidence/a.txt","type":"AWS::S3::Object"},{"ARN":"arn:aws:s3:::evidence","type":"AWS::S3::Bucket"}],
             "responseElements":null}""";

    @Test
    void readsScalarsAtTopLevelAndNested() throws IOException {
        String[] cells = JsonPaths.of("eventName", "userIdentity.arn", "readOnly", "n",
                "userIdentity.sessionContext.attributes.mfaAuthenticated", "requestParameters.key").extract(RECORD);
        assertThat(cells).containsExactly("GetObject", "arn:aws:iam::1:user/José", "true", "12.50", "false", "a,b \"c\"");
    }

    @Test
    void joinsArrayValuesAndSkipsNulls() throws IOException {
        assertThat(JsonPaths.of("resources.ARN", "resources.type", "requestParameters.tags").extract(RECORD))
                .containsExactly("arn:aws:s3:::evidence/a.txt;arn:aws:s3:::evidence", "AWS::S3::Object;AWS::S3::Bucket", "x;y");
    }

    @Test
    void writesObjectsAsCompactJson() throws IOException {
        assertThat(JsonPaths.get(RECORD, "requestParameters"))
                .isEqualTo("{\"bucketName\":\"evidence\",\"key\":\"a,b \\\"c\\\"\",\"tags\":[\"x\",\"y\",null]}");
        assertThat(JsonPaths.get(RECORD, "resources")).startsWith("{\"ARN\":\"arn:aws:s3:::evidence/a.txt\"")
                .contains("};{");
    }

    @Test
    void missingAndNullGiveEmptyCells() throws IOException {
        assertThat(JsonPaths.of("nope", "missing", "responseElements", "responseElements.x", "eventName.deeper")
                .extract(RECORD)).containsOnly("");
        assertThat(JsonPaths.of("eventName").extract(null)).containsExactly("");
    }

    @Test
    void anObjectAndAPathInsideItCanBothBeColumns() throws IOException {
        String[] cells = JsonPaths.of("userIdentity.type", "userIdentity", "eventName", "userIdentity.type")
                .extract(RECORD);
        assertThat(cells[0]).isEqualTo("IAMUser");
        assertThat(cells[1]).startsWith("{\"type\":\"IAMUser\"");
        assertThat(cells[2]).isEqualTo("GetObject");
        assertThat(cells[3]).isEqualTo("IAMUser");
    }

    @Test
    void rejectsPathsThatCannotMatch() {
        assertThatThrownBy(() -> JsonPaths.of("a..b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a..b");
        assertThatThrownBy(() -> JsonPaths.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonPaths.of(" eventName ").paths()).containsExactly("eventName");
    }
}

package org.trailworkbench.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailReaderTest {

    static String event(String id, String name) {
        return """
                {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice",\
                "accountId":"111122223333","userName":"alice"},"eventTime":"2024-05-14T06:01:02Z",\
                "eventSource":"s3.amazonaws.com","eventName":"%s","awsRegion":"us-east-1","sourceIPAddress":"10.0.0.1",\
                "userAgent":"aws-cli/2.15","requestParameters":{"bucketName":"evidence"},"responseElements":null,\
                "requestID":"R1","eventID":"%s","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,\
                "recipientAccountId":"111122223333","eventCategory":"Management"}""".formatted(name, id);
    }

    static String logFile(String... events) {
        return "{\"Records\":[" + String.join(",", events) + "]}";
    }

    static byte[] gzip(String text) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    record Read(ReadResult result, List<ParsedEvent> events) {
    }

    static Read read(byte[] bytes) throws IOException {
        List<ParsedEvent> events = new ArrayList<>();
        ReadResult result = new CloudTrailReader().read(new ByteArrayInputStream(bytes), events::add);
        return new Read(result, events);
    }

    static Read read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNativeGzipLogFileWithLeavesAndTime() throws IOException {
        Read r = read(gzip(logFile(event("e1", "GetObject"), event("e2", "PutObject"))));

        assertThat(r.result()).isEqualTo(new ReadResult(FileKind.EVENTS, 2, 0, null));
        ParsedEvent first = r.events().get(0);
        assertThat(first.eventId()).isEqualTo("e1");
        assertThat(first.eventTime()).isEqualTo(java.time.Instant.parse("2024-05-14T06:01:02Z").toEpochMilli());
        assertThat(first.first("userIdentity.arn")).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(first.first("requestParameters.bucketName")).isEqualTo("evidence");
        assertThat(first.first("readOnly")).isEqualTo("true");
        assertThat(first.first("responseElements")).isNull();
        assertThat(first.objectPaths()).contains("userIdentity", "requestParameters").doesNotContain("responseElements");
        assertThat(new String(first.json(), StandardCharsets.UTF_8)).contains("\"responseElements\":null");
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        byte[] a = gzip(logFile(event("e1", "A")));
        byte[] b = gzip(logFile(event("e2", "B")));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);

        assertThat(read(both).events()).extracting(ParsedEvent::eventId).containsExactly("e1", "e2");
    }

    @Test
    void readsSingleObjectsArraysAndJsonLines() throws IOException {
        assertThat(read(event("e1", "A")).events()).hasSize(1);
        assertThat(read("[" + event("e1", "A") + "," + event("e2", "B") + "]").events()).hasSize(2);
        assertThat(read(event("e1", "A") + "\n" + event("e2", "B") + "\n\n" + event("e3", "C") + "\n").events())
                .extracting(ParsedEvent::eventId).containsExactly("e1", "e2", "e3");
    }

    @Test
    void readsEventHistoryRowsWithTheEventAsAString() throws IOException {
        String embedded = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                .quoteAsString(event("e9", "RunInstances")));
        String row = "{\"EventId\":\"e9\",\"EventName\":\"RunInstances\",\"ReadOnly\":\"false\","
                + "\"EventTime\":\"2024-05-14 16:01:02+10:00\",\"CloudTrailEvent\":\"" + embedded + "\"}";

        Read r = read(row + "\n" + row.replace("e9", "e10"));

        assertThat(r.events()).extracting(ParsedEvent::eventId).containsExactly("e9", "e10");
        assertThat(r.events().get(0).first("eventName")).isEqualTo("RunInstances");
    }

    @Test
    void keepsRecordsBeforeTruncationAndSaysWhy() throws IOException {
        byte[] whole = gzip(logFile(event("e1", "A"), event("e2", "B"), "x".repeat(0) + event("e3", "C")));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 12);

        Read r = read(truncated);

        assertThat(r.result().damaged()).isTrue();
        assertThat(r.result().damage()).containsAnyOf("truncated", "corrupt");
        assertThat(r.events()).extracting(ParsedEvent::eventId).startsWith("e1");
    }

    @Test
    void malformedJsonNamesLineAndColumnAndKeepsEarlierRecords() throws IOException {
        Read r = read(logFile(event("e1", "A")).replace("]}", ",{\"eventName\": oops}]}"));

        assertThat(r.events()).hasSize(1);
        assertThat(r.result().damage()).startsWith("malformed JSON at line 1, column");
    }

    @Test
    void corruptGzipIsDamageNotACrash() throws IOException {
        byte[] bytes = gzip(logFile(event("e1", "A")));
        for (int i = 20; i < 40; i++) {
            bytes[i] ^= 0x5a;
        }
        Read r = read(bytes);
        assertThat(r.result().damaged()).isTrue();
    }

    @Test
    void emptyAndWhitespaceFilesAreEmpty() throws IOException {
        assertThat(read("").result().kind()).isEqualTo(FileKind.EMPTY);
        assertThat(read(" \n\t ").result().kind()).isEqualTo(FileKind.EMPTY);
        assertThat(read(gzip("")).result().kind()).isEqualTo(FileKind.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, this is a README", "{\"name\":\"package.json\",\"version\":\"1.0.0\"}", "[1,2,3]"})
    void otherContentIsNotCloudTrail(String text) throws IOException {
        Read r = read(text);
        assertThat(r.result().kind()).isEqualTo(FileKind.NOT_CLOUDTRAIL);
        assertThat(r.events()).isEmpty();
    }

    @Test
    void recognisesDigestsByContent() throws IOException {
        String digest = "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2024-05-14T05:00:00Z\","
                + "\"digestEndTime\":\"2024-05-14T06:00:00Z\",\"logFiles\":[]}";
        assertThat(read(gzip(digest)).result().kind()).isEqualTo(FileKind.DIGEST);
    }

    @Test
    void recognisesInsightsRecordsAndStillReadsThem() throws IOException {
        String insight = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-05-14T06:00:00Z\",\"awsRegion\":\"us-east-1\","
                + "\"eventID\":\"i1\",\"eventType\":\"AwsCloudTrailInsight\",\"eventCategory\":\"Insight\","
                + "\"sharedEventID\":\"s1\",\"insightDetails\":{\"state\":\"Start\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"RunInstances\",\"insightType\":\"ApiCallRateInsight\"}}";
        Read r = read(logFile(insight));
        assertThat(r.result().kind()).isEqualTo(FileKind.INSIGHTS);
        assertThat(r.events()).hasSize(1);
    }

    @Test
    void toleratesOddShapesOfRealTrails() throws IOException {
        String old = "{\"eventVersion\":\"1.01\",\"userIdentity\":{\"type\":\"Root\",\"accountId\":\"XXXX123XXX\"},"
                + "\"eventTime\":\"2014-05-05T10:00:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"TerminateInstances\","
                + "\"readOnly\":\"false\",\"additionalEventData\":{\"bytesTransferredIn\":0.0},\"unknownField\":[{\"deep\":{\"er\":1e3}}],"
                + "\"requestParameters\":{\"tagValue\":\"Café ☕ 🚀 日本\"},\"eventID\":\"old1\"}";
        Read r = read(logFile(old));

        ParsedEvent e = r.events().get(0);
        assertThat(e.first("readOnly")).isEqualTo("false");
        assertThat(e.first("additionalEventData.bytesTransferredIn")).isEqualTo("0.0");
        assertThat(e.first("unknownField.deep.er")).isEqualTo("1e3");
        assertThat(e.first("requestParameters.tagValue")).isEqualTo("Café ☕ 🚀 日本");
        assertThat(new String(e.json(), StandardCharsets.UTF_8)).contains("Café ☕ 🚀 日本").contains("0.0");
    }

    @Test
    void readsRecordsOfHundredsOfKilobytes() throws IOException {
        String policy = "{\\\"Statement\\\":\\\"" + "A".repeat(300_000) + "\\\"}";
        String big = event("big", "PutBucketPolicy").replace("{\"bucketName\":\"evidence\"}",
                "{\"bucketName\":\"evidence\",\"policy\":\"" + policy + "\"}");
        Read r = read(gzip(logFile(big, event("small", "A"))));
        assertThat(r.events()).hasSize(2);
        assertThat(r.events().get(0).json().length).isGreaterThan(300_000);
    }

    @Test
    void exportsWithoutEventIdGetAStableContentId() throws IOException {
        String noId = event("x", "A").replace(",\"eventID\":\"x\"", "");
        String a = read(noId).events().get(0).eventId();
        String b = read(noId).events().get(0).eventId();
        assertThat(a).startsWith("sha256:").isEqualTo(b);
    }

    @Test
    void logstashTimestampStandsInForAMissingEventTime() throws IOException {
        String shipped = event("l1", "A").replace("\"eventTime\":\"2024-05-14T06:01:02Z\"",
                "\"@timestamp\":\"2024-05-14T06:01:02.500Z\"");
        assertThat(read(shipped).events().get(0).eventTime())
                .isEqualTo(java.time.Instant.parse("2024-05-14T06:01:02.500Z").toEpochMilli());
    }

    @Test
    void aRecordPastTheSizeLimitsIsDamageAfterTheRecordsBeforeIt() throws IOException {
        String manyValues = event("big", "GetObject").replace("\"bucketName\":\"evidence\"",
                "\"list\":[" + "1,".repeat(RecordLimits.MAX_RECORD_VALUES) + "1]");
        Read values = read(gzip(logFile(event("e1", "GetObject"), manyValues, event("e3", "GetObject"))));
        assertThat(values.events()).extracting(ParsedEvent::eventId).containsExactly("e1");
        assertThat(values.result().damage()).startsWith("too large: a record with more than 500000 values")
                .endsWith("the rest of the file was not read");

        String line = "x".repeat(1000);
        String manyBytes = event("big", "GetObject").replace("\"bucketName\":\"evidence\"",
                "\"list\":[\"" + (line + "\",\"").repeat(RecordLimits.MAX_RECORD_BYTES / 1000) + "\"]");
        Read bytes = read(gzip(logFile(event("e1", "GetObject"), manyBytes)));
        assertThat(bytes.events()).hasSize(1);
        assertThat(bytes.result().damage()).startsWith("too large: a record larger than 16 MiB");
    }

    @Test
    void aRepeatedKeyKeepsItsFirstValueEverywhereAndIsAWarning() throws IOException {
        String repeated = event("d1", "GetObject")
                .replace("\"eventName\":\"GetObject\"", "\"eventName\":\"GetObject\",\"eventName\":\"DeleteBucket\"")
                .replace("{\"bucketName\":\"evidence\"}", "{\"bucketName\":\"evidence\",\"bucketName\":{\"x\":\"forged\"}}");

        Read r = read(logFile(repeated, event("d2", "PutObject")));

        ParsedEvent first = r.events().get(0);
        String json = new String(first.json(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"eventName\":\"GetObject\"").doesNotContain("DeleteBucket").doesNotContain("forged");
        assertThat(first.leaves()).filteredOn(l -> l.path().equals("eventName")).extracting(ParsedEvent.Leaf::value)
                .containsExactly("GetObject");
        assertThat(first.objectPaths()).doesNotContain("requestParameters.bucketName");
        assertThat(r.result().warnings()).containsExactly(
                "1 record repeats a key within one object (eventName): the first value is kept");
        assertThat(r.events().get(1).leaves()).filteredOn(l -> l.path().equals("eventName")).hasSize(1);
    }

    @Test
    void eventsWithoutAParseableTimeAreKeptAndCounted() throws IOException {
        Read r = read(logFile(event("t1", "GetObject").replace("2024-05-14T06:01:02Z", "yesterday"),
                event("t2", "GetObject").replace("\"eventTime\":\"2024-05-14T06:01:02Z\",", ""),
                event("t3", "GetObject")));

        assertThat(r.events()).extracting(ParsedEvent::hasTime).containsExactly(false, false, true);
        assertThat(r.result().warnings()).containsExactly("2 events have no parseable eventTime: kept, outside every "
                + "time range; find them with: NOT eventTime:[* TO *]");
    }
}

package org.trailworkbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records look like CloudTrail's: field order, identity shapes, mix of events, sizes. */
class EventShapeTest {
    /** CloudTrail's field order; a record has a subsequence of it. */
    private static final List<String> ORDER = List.of("eventVersion", "userIdentity", "eventTime", "eventSource",
            "eventName", "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage",
            "requestParameters", "responseElements", "additionalEventData", "requestID", "eventID", "readOnly",
            "resources", "eventType", "managementEvent", "recipientAccountId", "serviceEventDetails",
            "sharedEventID", "vpcEndpointId", "eventCategory", "tlsDetails", "sessionCredentialFromConsole");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
            + "[0-9a-f]{12}");

    @TempDir
    static Path temp;
    static List<JsonNode> records = new ArrayList<>();
    static List<String> rawRecords = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        TrailSpec spec = TrailSpec.builder().seed(8).regions(List.of("us-east-1", "eu-west-1"))
                .start(Instant.parse("2025-03-05T00:00:00Z")).days(2).eventsPerDay(6_000).duplicateRate(0.01)
                .build();
        GeneratedTrail trail = new TrailGenerator(spec).generate(temp.resolve("trail"));
        for (String key : GeneratedFiles.keys(trail.root(), "CloudTrail")) {
            for (JsonNode record : GeneratedFiles.readGz(trail.root().resolve(key)).get("Records")) {
                records.add(record);
                rawRecords.add(GeneratedFiles.JSON.writeValueAsString(record));
            }
        }
    }

    @Test
    void fieldsComeInCloudTrailsOrder() {
        for (JsonNode record : records) {
            List<String> fields = GeneratedFiles.fieldNames(record);
            assertThat(ORDER).as("known fields").containsAll(fields);
            List<Integer> positions = fields.stream().map(ORDER::indexOf).toList();
            assertThat(positions).as(record.toString()).isSorted();
            assertThat(fields).contains("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
                    "awsRegion", "sourceIPAddress", "eventID", "eventType", "recipientAccountId", "eventCategory");
        }
    }

    @Test
    void valuesHaveCloudTrailsFormats() {
        for (JsonNode record : records) {
            assertThat(record.get("eventTime").asText()).matches(TIME);
            assertThat(record.get("eventID").asText()).matches(UUID);
            assertThat(record.get("eventVersion").asText()).isIn("1.08", "1.09", "1.10", "1.11");
            assertThat(record.get("eventType").asText()).isIn("AwsApiCall", "AwsConsoleSignIn", "AwsServiceEvent");
            assertThat(record.get("eventCategory").asText()).isIn("Management", "Data");
            if (record.has("readOnly")) {
                assertThat(record.get("readOnly").isBoolean()).isTrue();
            }
            if (record.has("managementEvent")) {
                assertThat(record.get("managementEvent").asBoolean())
                        .isEqualTo(record.get("eventCategory").asText().equals("Management"));
            }
        }
    }

    @Test
    void theMixResemblesARealAccount() {
        Map<String, Integer> types = new HashMap<>();
        int errors = 0;
        int data = 0;
        int consoleLogins = 0;
        int nonAscii = 0;
        int nullRequests = 0;
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            types.merge(record.at("/userIdentity/type").asText("none"), 1, Integer::sum);
            errors += record.has("errorCode") || record.has("errorMessage") ? 1 : 0;
            data += record.get("eventCategory").asText().equals("Data") ? 1 : 0;
            consoleLogins += record.get("eventName").asText().equals("ConsoleLogin") ? 1 : 0;
            nullRequests += record.get("requestParameters") != null && record.get("requestParameters").isNull() ? 1 : 0;
            nonAscii += rawRecords.get(i).chars().anyMatch(c -> c > 127) ? 1 : 0;
        }
        int n = records.size();
        assertThat(n).isBetween(10_000, 14_000);
        assertThat(types).containsKeys("IAMUser", "AssumedRole", "AWSService");
        assertThat(types.get("AssumedRole")).isGreaterThan(n / 3);
        assertThat(errors / (double) n).isBetween(0.03, 0.05);
        assertThat(data / (double) n).isBetween(0.1, 0.4);
        assertThat(consoleLogins).isGreaterThan(3);
        assertThat(nullRequests).isGreaterThan(n / 50);
        assertThat(nonAscii).isBetween(1, n / 20);
        assertThat(records.stream().map(r -> r.get("eventSource").asText()).distinct().count()).isGreaterThan(15);
        assertThat(records.stream().map(r -> r.get("eventName").asText()).distinct().count()).isGreaterThan(60);
    }

    @Test
    void recordsAverageAboutOneAndAHalfKilobytes() {
        long bytes = rawRecords.stream().mapToLong(r -> r.getBytes(StandardCharsets.UTF_8).length).sum();

        assertThat(bytes / (double) rawRecords.size()).isBetween(1_200.0, 1_800.0);
    }

    @Test
    void reDeliveredRecordsAreIdenticalCopies() {
        Map<String, String> byId = new HashMap<>();
        int repeats = 0;
        for (int i = 0; i < records.size(); i++) {
            String previous = byId.putIfAbsent(records.get(i).get("eventID").asText(), rawRecords.get(i));
            if (previous != null) {
                assertThat(rawRecords.get(i)).isEqualTo(previous);
                repeats++;
            }
        }
        assertThat(repeats).isBetween(records.size() / 200, records.size() / 50);
    }

    @Test
    void consoleSignInsHaveTheirOwnShape() {
        List<JsonNode> logins = records.stream().filter(r -> r.get("eventName").asText().equals("ConsoleLogin"))
                .toList();

        assertThat(logins).isNotEmpty().allSatisfy(login -> {
            assertThat(login.get("eventSource").asText()).isEqualTo("signin.amazonaws.com");
            assertThat(login.get("eventType").asText()).isEqualTo("AwsConsoleSignIn");
            assertThat(login.at("/responseElements/ConsoleLogin").asText()).isIn("Success", "Failure");
            assertThat(login.at("/additionalEventData/MFAUsed").asText()).isIn("Yes", "No");
            assertThat(login.at("/additionalEventData/LoginTo").asText()).startsWith("https://");
            assertThat(login.at("/userIdentity/accessKeyId").isMissingNode()).isTrue();
        });
    }

    @Test
    void assumedRolesCarryTheirSessionIssuer() {
        JsonNode role = records.stream().filter(r -> r.at("/userIdentity/type").asText().equals("AssumedRole"))
                .findFirst().orElseThrow();
        JsonNode context = role.at("/userIdentity/sessionContext");

        assertThat(context.at("/sessionIssuer/type").asText()).isEqualTo("Role");
        assertThat(context.at("/sessionIssuer/arn").asText()).startsWith("arn:aws:iam::111122223333:role/");
        assertThat(context.at("/attributes/creationDate").asText()).matches(TIME);
        assertThat(context.at("/attributes/mfaAuthenticated").asText()).isIn("true", "false");
        assertThat(role.at("/userIdentity/principalId").asText()).startsWith("AROA");
    }

    @Test
    void s3DataEventsNameTheObject() {
        JsonNode get = records.stream().filter(r -> r.get("eventName").asText().equals("GetObject")).findFirst()
                .orElseThrow();

        assertThat(get.get("eventCategory").asText()).isEqualTo("Data");
        assertThat(get.get("managementEvent").asBoolean()).isFalse();
        assertThat(get.at("/resources/0/type").asText()).isEqualTo("AWS::S3::Object");
        assertThat(get.at("/resources/0/ARN").asText()).isEqualTo("arn:aws:s3:::"
                + get.at("/requestParameters/bucketName").asText() + "/" + get.at("/requestParameters/key").asText());
        assertThat(get.at("/additionalEventData/bytesTransferredOut").isNumber()).isTrue();
    }
}

package org.trailworkbench.export;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Hand-made CloudTrail records and log files for export and CLI tests, with exactly the values they assert on. */
public final class TestTrail {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String ACCOUNT = "111122223333";

    private TestTrail() {
    }

    /** A typical IAM user's call; tests add or change fields on the returned node. */
    public static ObjectNode event(String id, String time, String source, String name, String region, String user) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventVersion", "1.09");
        ObjectNode identity = e.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("principalId", "AIDA" + id.toUpperCase());
        identity.put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + user);
        identity.put("accountId", ACCOUNT);
        identity.put("userName", user);
        e.put("eventTime", time);
        e.put("eventSource", source);
        e.put("eventName", name);
        e.put("awsRegion", region);
        e.put("sourceIPAddress", "203.0.113.7");
        e.put("userAgent", "aws-cli/2.15.0 Python/3.11");
        e.putNull("requestParameters");
        e.putNull("responseElements");
        e.put("requestID", "req-" + id);
        e.put("eventID", id);
        e.put("readOnly", name.startsWith("Get") || name.startsWith("List") || name.startsWith("Describe"));
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", true);
        e.put("recipientAccountId", ACCOUNT);
        e.put("eventCategory", "Management");
        return e;
    }

    public static String logFile(List<ObjectNode> events) {
        ObjectNode file = JSON.createObjectNode();
        ArrayNode records = file.putArray("Records");
        events.forEach(records::add);
        return file.toString();
    }

    public static byte[] gzip(String text) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Where CloudTrail would deliver a file of this region and time (stamp like 20240514T0605Z). */
    public static Path logPath(Path root, String region, String stamp, String suffix) {
        String day = stamp.substring(0, 4) + "/" + stamp.substring(4, 6) + "/" + stamp.substring(6, 8);
        return root.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/" + region + "/" + day + "/" + ACCOUNT
                + "_CloudTrail_" + region + "_" + stamp + "_" + suffix + ".json.gz");
    }

    public static Path writeLog(Path root, String region, String stamp, List<ObjectNode> events) throws IOException {
        Path file = logPath(root, region, stamp, "Ab12Cd34Ef56Gh78");
        Files.createDirectories(file.getParent());
        Files.write(file, gzip(logFile(events)));
        return file;
    }
}

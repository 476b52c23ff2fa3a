package org.trailworkbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small hand-made CloudTrail files for tests that need exact, known content. */
public final class TrailFiles {

    private TrailFiles() {
    }

    /** One event; the fields tests vary are parameters, the rest is a typical management call. */
    public record Event(String id, Instant time, String source, String name, String region, String user,
                       String errorCode, boolean readOnly) {

        public static Event of(String id, String time, String name) {
            return new Event(id, Instant.parse(time), "s3.amazonaws.com", name, "us-east-1", "alice", null, true);
        }

        public Event in(String r) {
            return new Event(id, time, source, name, r, user, errorCode, readOnly);
        }

        public Event by(String u) {
            return new Event(id, time, source, name, region, u, errorCode, readOnly);
        }

        public Event from(String s) {
            return new Event(id, time, s, name, region, user, errorCode, readOnly);
        }

        public Event failing(String code) {
            return new Event(id, time, source, name, region, user, code, readOnly);
        }

        public Event writing() {
            return new Event(id, time, source, name, region, user, errorCode, false);
        }

        public String json() {
            String error = errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\",\"errorMessage\":\"denied\"";
            String params = name.startsWith("Describe") ? "null" : "{\"bucketName\":\"Evidence-Bucket\"}";
            return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + user.toUpperCase()
                    + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\","
                    + "\"userName\":\"" + user + "\"},\"eventTime\":\"" + time + "\",\"eventSource\":\"" + source
                    + "\",\"eventName\":\"" + name + "\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":\"203.0.113.7\","
                    + "\"userAgent\":\"aws-cli/2.15.0 Python/3.11\"" + error + ",\"requestParameters\":" + params
                    + ",\"responseElements\":null,\"requestID\":\"req-" + id + "\",\"eventID\":\"" + id + "\",\"readOnly\":"
                    + readOnly + ",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                    + "\"eventCategory\":\"Management\"}";
        }
    }

    public static String logFile(List<Event> events) {
        return "{\"Records\":[" + String.join(",", events.stream().map(Event::json).toList()) + "]}";
    }

    public static byte[] gzip(String text) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a gzip log file in the S3 layout under {@code root} and returns its path. */
    public static Path writeLog(Path root, String region, String stamp, List<Event> events) throws IOException {
        String day = stamp.substring(0, 4) + "/" + stamp.substring(4, 6) + "/" + stamp.substring(6, 8);
        Path file = root.resolve("AWSLogs/111122223333/CloudTrail/" + region + "/" + day + "/111122223333_CloudTrail_"
                + region + "_" + stamp + "_" + Integer.toHexString(events.hashCode()) + ".json.gz");
        Files.createDirectories(file.getParent());
        Files.write(file, gzip(logFile(events)));
        return file;
    }
}

package org.trailworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trailworkbench.export.TestTrail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Logs for the CLI tests: nine events in three log files (one of them cut off after its first record), a
 * JSON file that is not CloudTrail and a text file. Among the values: a formula, non-ASCII text, and a
 * comma, quotes and a newline in one message.
 */
final class CliTrail {

    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String MESSAGE = "Access Denied, \"really\"\nsecond line";
    static final String NON_ASCII_USER = "José 東京";

    Path damaged;
    Path notCloudTrail;

    static CliTrail write(Path logs) throws IOException {
        CliTrail trail = new CliTrail();
        ObjectNode e1 = TestTrail.event("e01", "2024-05-14T06:00:00Z", "s3.amazonaws.com", "GetObject", "us-east-1", "alice");
        e1.putObject("requestParameters").put("bucketName", "evidence").put("key", "a.txt");
        var resources = e1.putArray("resources");
        resources.addObject().put("ARN", "arn:aws:s3:::evidence/a.txt").put("type", "AWS::S3::Object");
        resources.addObject().put("ARN", "arn:aws:s3:::evidence").put("type", "AWS::S3::Bucket");
        ObjectNode e2 = TestTrail.event("e02", "2024-05-14T06:05:00Z", "s3.amazonaws.com", "PutObject", "us-east-1", "mallory");
        e2.put("userAgent", FORMULA);
        e2.put("errorCode", "AccessDenied");
        e2.put("errorMessage", MESSAGE);
        ObjectNode e3 = TestTrail.event("e03", "2024-05-14T06:10:00Z", "iam.amazonaws.com", "CreateUser", "us-east-1", "josé");
        ((ObjectNode) e3.get("userIdentity")).put("userName", NON_ASCII_USER);
        e3.putObject("requestParameters").put("userName", "Zoë");
        ObjectNode e4 = TestTrail.event("e04", "2024-05-14T07:00:00Z", "s3.amazonaws.com", "ListBuckets", "us-east-1", "alice");
        e4.put("userAgent", "@SUM(1+1)*cmd");
        ObjectNode e5 = TestTrail.event("e05", "2024-05-14T08:00:00Z", "sts.amazonaws.com", "AssumeRole", "us-east-1", "svc");
        e5.putObject("userIdentity").put("type", "AWSService").put("invokedBy", "ec2.amazonaws.com");
        e5.put("sourceIPAddress", "ec2.amazonaws.com");
        TestTrail.writeLog(logs, "us-east-1", "20240514T0805Z", List.of(e1, e2, e3, e4, e5));

        ObjectNode e6 = TestTrail.event("e06", "2024-05-15T12:00:00Z", "ec2.amazonaws.com", "RunInstances", "eu-west-1", "bob");
        ObjectNode e7 = TestTrail.event("e07", "2024-05-15T12:30:00Z", "ec2.amazonaws.com", "DescribeInstances", "eu-west-1", "bob");
        e7.put("errorCode", "Client.UnauthorizedOperation");
        ObjectNode e8 = TestTrail.event("e08", "2024-05-15T13:00:00Z", "signin.amazonaws.com", "ConsoleLogin", "eu-west-1", "alice");
        TestTrail.writeLog(logs, "eu-west-1", "20240515T1305Z", List.of(e6, e7, e8));

        ObjectNode e9 = TestTrail.event("e09", "2024-05-15T14:00:00Z", "s3.amazonaws.com", "GetObject", "eu-west-1", "bob");
        String whole = TestTrail.logFile(List.of(e9, TestTrail.event("e10", "2024-05-15T14:01:00Z",
                "s3.amazonaws.com", "GetObject", "eu-west-1", "bob")));
        trail.damaged = TestTrail.logPath(logs, "eu-west-1", "20240515T1405Z", "Damaged0000000000");
        Files.write(trail.damaged, TestTrail.gzip(whole.substring(0, whole.indexOf("\"e10\"") - 40)));

        trail.notCloudTrail = trail.damaged.resolveSibling("notes.json");
        Files.writeString(trail.notCloudTrail, "{\"hello\":\"world\"}");
        Files.writeString(logs.resolve("README.txt"), "copied from the bucket on 2024-05-16");
        return trail;
    }
}

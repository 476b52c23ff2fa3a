package org.trailworkbench.generate;

import static org.trailworkbench.generate.ApiDef.api;

import java.util.List;

/** Operations services: CloudTrail, CloudWatch and Logs, CloudFormation, Health, SNS, SQS, Route 53, ECR. */
final class OpsApis {
    private OpsApis() {
    }

    static List<Api> all() {
        return List.of(
                api("cloudtrail", "DescribeTrails").read(1, 2).req(c -> {
                    c.g.writeStartObject();
                    c.array("trailNameList");
                    c.endArray();
                    c.field("includeShadowTrails", true);
                    c.end();
                }).build(),
                api("cloudtrail", "GetTrailStatus").read(1, 3).req(c -> {
                    c.g.writeStartObject();
                    c.field("name", c.account.trailArn);
                    c.end();
                }).build(),
                api("cloudtrail", "LookupEvents").read(2, 0.3).req(c -> {
                    c.g.writeStartObject();
                    c.field("maxResults", 50);
                    c.array("lookupAttributes");
                    c.g.writeStartObject();
                    c.field("attributeKey", "EventName");
                    c.field("attributeValue", c.r.pick(new String[] {"ConsoleLogin", "RunInstances",
                        "CreateAccessKey", "DeleteBucket"}));
                    c.end();
                    c.endArray();
                    c.end();
                }).build(),
                api("logs", "DescribeLogGroups").read(3, 4).req(c -> {
                    c.g.writeStartObject();
                    c.field("logGroupNamePrefix", "/aws/lambda/");
                    c.field("limit", 50);
                    c.end();
                }).build(),
                api("logs", "CreateLogStream").write(0, 9).role("orders-processor-role").req(c -> {
                    c.g.writeStartObject();
                    c.field("logGroupName", "/aws/lambda/orders-processor");
                    c.field("logStreamName", Times.iso(c.time).substring(0, 10).replace('-', '/') + "/[$LATEST]"
                            + Ids.hex(c.r, 32));
                    c.end();
                }).build(),
                api("logs", "FilterLogEvents").read(2, 0.5).req(c -> {
                    c.g.writeStartObject();
                    c.field("logGroupName", "/aws/lambda/" + c.r.pick(c.account.functions));
                    c.field("startTime", (c.time - 3600) * 1000);
                    c.field("filterPattern", c.r.chance(0.5) ? "ERROR" : "\"Task timed out\"");
                    c.field("interleaved", true);
                    c.end();
                }).build(),
                api("monitoring", "DescribeAlarms").read(3, 6).req(c -> {
                    c.g.writeStartObject();
                    c.field("maxRecords", 100);
                    c.end();
                }).build(),
                api("monitoring", "GetMetricData").read(4, 9).req(c -> {
                    c.g.writeStartObject();
                    c.array("metricDataQueries");
                    c.g.writeStartObject();
                    c.field("id", "m1");
                    c.object("metricStat");
                    c.object("metric");
                    c.field("namespace", "AWS/EC2");
                    c.field("metricName", c.r.chance(0.5) ? "CPUUtilization" : "NetworkIn");
                    c.array("dimensions");
                    c.g.writeStartObject();
                    c.field("name", "InstanceId");
                    c.field("value", c.instance());
                    c.end();
                    c.endArray();
                    c.end();
                    c.field("period", 300);
                    c.field("stat", "Average");
                    c.end();
                    c.end();
                    c.endArray();
                    c.field("startTime", Times.sdk(c.time - 10_800));
                    c.field("endTime", Times.sdk(c.time));
                    c.end();
                }).build(),
                api("monitoring", "PutMetricAlarm").write(0.05, 0.15).req(c -> {
                    c.g.writeStartObject();
                    c.field("alarmName", "orders-api-5xx-" + c.region);
                    c.field("metricName", "HTTPCode_Target_5XX_Count");
                    c.field("namespace", "AWS/ApplicationELB");
                    c.field("statistic", "Sum");
                    c.field("period", 60);
                    c.field("evaluationPeriods", 5);
                    c.field("threshold", 10);
                    c.field("comparisonOperator", "GreaterThanThreshold");
                    c.end();
                }).build(),
                api("cloudformation", "DescribeStacks").read(2, 4).req(c -> {
                    c.g.writeStartObject();
                    c.field("stackName", c.r.pick(c.account.stacks));
                    c.end();
                }).err(0.02, "ValidationError", "Stack with id legacy-vpc does not exist").build(),
                api("cloudformation", "ListStacks").read(1.5, 0.5).build(),
                api("cloudformation", "DescribeStackEvents").read(1, 3).req(c -> {
                    c.g.writeStartObject();
                    c.field("stackName", c.r.pick(c.account.stacks));
                    c.end();
                }).build(),
                api("cloudformation", "CreateChangeSet").write(0.02, 0.15).role("github-actions-deploy").req(c -> {
                    c.g.writeStartObject();
                    c.field("stackName", c.r.pick(c.account.stacks));
                    c.field("templateURL", "https://s3.amazonaws.com/cf-templates-" + c.account.id + "/template-"
                            + Ids.hex(c.r, 8) + ".yaml");
                    c.array("capabilities");
                    c.g.writeString("CAPABILITY_NAMED_IAM");
                    c.endArray();
                    c.field("changeSetName", "deploy-" + Ids.hex(c.r, 7));
                    c.field("changeSetType", "UPDATE");
                    c.end();
                }).res(c -> {
                    c.g.writeStartObject();
                    c.field("id", c.arn("cloudformation", "changeSet/deploy/" + Ids.uuid(c.r)));
                    c.field("stackId", c.arn("cloudformation", "stack/orders-service/" + Ids.uuid(c.r)));
                    c.end();
                }).build(),
                api("health", "DescribeEventAggregates").read(2, 0).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("aggregateField", "eventTypeCategory");
                    c.object("filter");
                    c.array("eventStatusCodes");
                    c.g.writeString("open");
                    c.g.writeString("upcoming");
                    c.endArray();
                    c.end();
                    c.end();
                }).build(),
                api("sns", "ListTopics").read(1, 1).build(),
                api("sqs", "ListQueues").read(1, 2).build(),
                api("route53", "ListHostedZones").read(1, 0.4).global().build(),
                api("ecr", "GetAuthorizationToken").read(0.3, 7).role("ecs-task-inventory-api").build());
    }
}

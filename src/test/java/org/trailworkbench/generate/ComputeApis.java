package org.trailworkbench.generate;

import static org.trailworkbench.generate.ApiDef.api;

import java.io.IOException;
import java.util.List;

/** EC2, Lambda, ECS and Auto Scaling: mostly Describe calls, a few changes to the fleet. */
final class ComputeApis {
    /** Tag values people really type, accents and emoji included, to keep readers honest about UTF-8. */
    static final String[] TAG_VALUES = {"orders-api", "Équipe Données", "platform", "Café ☕ ops", "🚀 launch-2025",
        "Zürich office", "data-lake", "cost-center-4711", "staging", "Jürgen Müller"};
    private static final String[] TYPES = {"t3.micro", "t3.medium", "m6i.large", "c7g.xlarge", "r6i.large"};

    private ComputeApis() {
    }

    static List<Api> all() {
        String unauthorized = "Client.UnauthorizedOperation";
        Api.Message notAuthorized = c -> "You are not authorized to perform this operation. User: " + c.callerArn()
                + " is not authorized to perform: " + c.api.action() + " because no identity-based policy allows the "
                + c.api.action() + " action. Encoded authorization failure message: " + Ids.base64(c.r, 96);
        return List.of(
                api("ec2", "DescribeInstances").read(40, 30).req(ComputeApis::describeInstances)
                        .err(0.004, "Client.RequestLimitExceeded", "Request limit exceeded.").build(),
                api("ec2", "DescribeInstanceStatus").read(4, 14).req(c -> {
                    c.g.writeStartObject();
                    c.items("instancesSet", "instanceId", c.instance());
                    c.object("filterSet");
                    c.end();
                    c.field("includeAllInstances", false);
                    c.end();
                }).build(),
                api("ec2", "DescribeSecurityGroups").read(14, 8).req(c -> emptySets(c, "securityGroupSet",
                        "securityGroupIdSet", "filterSet")).build(),
                api("ec2", "DescribeVpcs").read(8, 5).req(c -> emptySets(c, "vpcSet", "filterSet")).build(),
                api("ec2", "DescribeSubnets").read(7, 8).req(c -> emptySets(c, "subnetSet", "filterSet")).build(),
                api("ec2", "DescribeVolumes").read(5, 8).req(c -> emptySets(c, "volumeSet", "filterSet")).build(),
                api("ec2", "DescribeImages").read(4, 5).req(c -> {
                    c.g.writeStartObject();
                    c.items("executableBySet", "user", "self");
                    c.items("ownersSet", "owner", "amazon");
                    c.field("includeDeprecated", false);
                    c.end();
                }).build(),
                api("ec2", "DescribeRegions").read(4, 3).req(c -> emptySets(c, "regionSet")).build(),
                api("ec2", "DescribeNetworkInterfaces").read(3, 10).req(c -> emptySets(c, "networkInterfaceIdSet",
                        "filterSet")).build(),
                api("ec2", "DescribeSnapshots").read(2, 5).req(c -> {
                    c.g.writeStartObject();
                    emptyFields(c, "snapshotSet");
                    c.items("ownersSet", "owner", "self");
                    emptyFields(c, "sharedUsersSet", "filterSet");
                    c.end();
                }).build(),
                api("ec2", "RunInstances").write(0.4, 0.25).req(ComputeApis::runInstancesRequest)
                        .res(ComputeApis::runInstancesResponse)
                        .err(0.05, "Client.InsufficientInstanceCapacity", "We currently do not have sufficient "
                                + "capacity in the Availability Zone you requested.")
                        .err(0.03, unauthorized, notAuthorized).build(),
                api("ec2", "TerminateInstances").write(0.25, 0.2).req(c -> instanceIds(c))
                        .res(c -> stateChange(c, 32, "shutting-down", 16, "running")).build(),
                api("ec2", "StartInstances").write(0.3, 0.3).req(c -> instanceIds(c))
                        .res(c -> stateChange(c, 0, "pending", 80, "stopped")).build(),
                api("ec2", "StopInstances").write(0.3, 0.3).req(c -> {
                    c.g.writeStartObject();
                    c.items("instancesSet", "instanceId", c.instance());
                    c.field("force", false);
                    c.end();
                }).res(c -> stateChange(c, 64, "stopping", 16, "running"))
                        .err(0.02, "Client.IncorrectInstanceState", "This instance is not in a state from which it "
                                + "can be stopped.").build(),
                api("ec2", "CreateTags").write(1.2, 2).req(ComputeApis::createTags).res(ComputeApis::returnTrue)
                        .build(),
                api("ec2", "CreateSnapshot").write(0.05, 0.8).req(c -> {
                    c.g.writeStartObject();
                    c.field("volumeId", c.account.regional("vol", c.region, c.r.nextInt(8), 17));
                    c.field("description", "nightly backup " + Times.iso(c.time).substring(0, 10));
                    c.end();
                }).res(c -> {
                    c.g.writeStartObject();
                    c.field("requestId", Ids.uuid(c.r));
                    c.field("snapshotId", "snap-0" + Ids.hex(c.r, 16));
                    c.field("volumeId", c.account.regional("vol", c.region, 0, 17));
                    c.field("status", "pending");
                    c.field("startTime", c.time * 1000);
                    c.field("progress", "");
                    c.field("ownerId", c.account.id);
                    c.field("volumeSize", 100);
                    c.field("encrypted", true);
                    c.end();
                }).build(),
                api("ec2", "AuthorizeSecurityGroupIngress").write(0.1, 0.05).req(c -> {
                    c.g.writeStartObject();
                    c.field("groupId", c.account.regional("sg", c.region, c.r.nextInt(4), 17));
                    c.object("ipPermissions");
                    c.array("items");
                    c.g.writeStartObject();
                    c.field("ipProtocol", "tcp");
                    c.field("fromPort", c.r.chance(0.5) ? 443 : 22);
                    c.field("toPort", 443);
                    c.object("groups");
                    c.end();
                    c.items("ipRanges", "cidrIp", c.r.chance(0.2) ? "0.0.0.0/0" : "198.51.100.0/24");
                    c.object("ipv6Ranges");
                    c.end();
                    c.end();
                    c.endArray();
                    c.end();
                    c.end();
                }).res(ComputeApis::returnTrue)
                        .err(0.1, "Client.InvalidPermission.Duplicate", "the specified rule already exists").build(),
                api("lambda", "ListFunctions20150331").read(3, 2).build(),
                api("lambda", "GetFunction20150331v2").read(2, 2).req(c -> {
                    c.g.writeStartObject();
                    c.field("functionName", c.r.pick(c.account.functions));
                    c.end();
                }).err(0.03, "ResourceNotFoundException", "Function not found").build(),
                api("lambda", "UpdateFunctionCode20150331v2").write(0.1, 0.6).req(c -> {
                    c.g.writeStartObject();
                    c.field("functionName", c.r.pick(c.account.functions));
                    c.field("publish", true);
                    c.field("dryRun", false);
                    c.end();
                }).res(ComputeApis::functionConfiguration).build(),
                api("ecs", "DescribeServices").read(1, 5).req(c -> {
                    c.g.writeStartObject();
                    c.field("cluster", "prod-cluster");
                    c.array("services");
                    c.g.writeString("inventory-api");
                    c.endArray();
                    c.end();
                }).build(),
                api("ecs", "ListClusters").read(1.5, 1).build(),
                api("autoscaling", "DescribeAutoScalingGroups").read(1, 4).req(c -> {
                    c.g.writeStartObject();
                    c.field("maxRecords", 100);
                    c.end();
                }).build());
    }

    private static void describeInstances(Call c) throws IOException {
        c.g.writeStartObject();
        if (c.r.chance(0.3)) {
            c.items("instancesSet", "instanceId", c.instance());
        } else {
            c.object("instancesSet");
            c.end();
        }
        c.object("filterSet");
        if (c.r.chance(0.2)) {
            c.array("items");
            c.g.writeStartObject();
            c.field("name", "instance-state-name");
            c.items("valueSet", "value", "running");
            c.end();
            c.endArray();
        }
        c.end();
        c.end();
    }

    private static void emptySets(Call c, String... names) throws IOException {
        c.g.writeStartObject();
        emptyFields(c, names);
        c.end();
    }

    private static void emptyFields(Call c, String... names) throws IOException {
        for (String name : names) {
            c.object(name);
            c.end();
        }
    }

    private static void instanceIds(Call c) throws IOException {
        c.g.writeStartObject();
        c.items("instancesSet", "instanceId", c.instance());
        c.end();
    }

    private static void returnTrue(Call c) throws IOException {
        c.g.writeStartObject();
        c.field("requestId", Ids.uuid(c.r));
        c.field("_return", true);
        c.end();
    }

    private static void stateChange(Call c, int code, String state, int previousCode, String previous)
            throws IOException {
        c.g.writeStartObject();
        c.field("requestId", Ids.uuid(c.r));
        c.object("instancesSet");
        c.array("items");
        c.g.writeStartObject();
        c.field("instanceId", c.instance());
        c.object("currentState");
        c.field("code", code);
        c.field("name", state);
        c.end();
        c.object("previousState");
        c.field("code", previousCode);
        c.field("name", previous);
        c.end();
        c.end();
        c.endArray();
        c.end();
        c.end();
    }

    private static void createTags(Call c) throws IOException {
        c.g.writeStartObject();
        c.items("resourcesSet", "resourceId", c.instance());
        c.object("tagSet");
        c.array("items");
        c.g.writeStartObject();
        c.field("key", c.r.pick(new String[] {"Owner", "Team", "Project", "Name"}));
        c.field("value", c.r.pick(TAG_VALUES));
        c.end();
        c.endArray();
        c.end();
        c.end();
    }

    private static void runInstancesRequest(Call c) throws IOException {
        c.g.writeStartObject();
        c.object("instancesSet");
        c.array("items");
        c.g.writeStartObject();
        c.field("imageId", c.account.regional("ami", c.region, 0, 17));
        c.field("minCount", 1);
        c.field("maxCount", 1);
        c.end();
        c.endArray();
        c.end();
        c.field("instanceType", c.r.pick(TYPES));
        c.object("blockDeviceMapping");
        c.end();
        c.object("monitoring");
        c.field("enabled", false);
        c.end();
        c.field("disableApiTermination", false);
        c.field("disableApiStop", false);
        c.field("clientToken", Ids.uuid(c.r));
        c.field("subnetId", c.account.regional("subnet", c.region, c.r.nextInt(3), 17));
        c.object("tagSpecificationSet");
        c.array("items");
        c.g.writeStartObject();
        c.field("resourceType", "instance");
        c.array("tags");
        c.g.writeStartObject();
        c.field("key", "Name");
        c.field("value", c.r.pick(TAG_VALUES));
        c.end();
        c.endArray();
        c.end();
        c.endArray();
        c.end();
        c.end();
    }

    private static void runInstancesResponse(Call c) throws IOException {
        String ip = "10.0." + c.r.between(1, 3) + "." + c.r.between(4, 250);
        String zone = c.region + (char) ('a' + c.r.nextInt(3));
        c.g.writeStartObject();
        c.field("requestId", Ids.uuid(c.r));
        c.field("reservationId", "r-0" + Ids.hex(c.r, 16));
        c.field("ownerId", c.account.id);
        c.object("groupSet");
        c.end();
        c.object("instancesSet");
        c.array("items");
        c.g.writeStartObject();
        c.field("instanceId", "i-0" + Ids.hex(c.r, 16));
        c.field("imageId", c.account.regional("ami", c.region, 0, 17));
        c.field("currentInstanceBootMode", "uefi");
        c.object("instanceState");
        c.field("code", 0);
        c.field("name", "pending");
        c.end();
        c.field("privateDnsName", "ip-" + ip.replace('.', '-') + "." + c.region + ".compute.internal");
        c.field("amiLaunchIndex", 0);
        c.object("productCodes");
        c.end();
        c.field("instanceType", c.r.pick(TYPES));
        c.field("launchTime", c.time * 1000);
        c.object("placement");
        c.field("availabilityZone", zone);
        c.field("tenancy", "default");
        c.end();
        c.object("monitoring");
        c.field("state", "disabled");
        c.end();
        c.field("subnetId", c.account.regional("subnet", c.region, 0, 17));
        c.field("vpcId", c.account.regional("vpc", c.region, 0, 17));
        c.field("privateIpAddress", ip);
        c.object("stateReason");
        c.field("code", "pending");
        c.field("message", "pending");
        c.end();
        c.field("architecture", "x86_64");
        c.field("rootDeviceType", "ebs");
        c.field("rootDeviceName", "/dev/xvda");
        c.field("virtualizationType", "hvm");
        c.field("hypervisor", "xen");
        c.items("groupSet", "groupId", c.account.regional("sg", c.region, 0, 17));
        c.field("sourceDestCheck", true);
        c.field("ebsOptimized", true);
        c.field("enaSupport", true);
        c.object("cpuOptions");
        c.field("coreCount", 1);
        c.field("threadsPerCore", 2);
        c.end();
        c.object("capacityReservationSpecification");
        c.field("capacityReservationPreference", "open");
        c.end();
        c.object("metadataOptions");
        c.field("state", "pending");
        c.field("httpTokens", "required");
        c.field("httpPutResponseHopLimit", 2);
        c.field("httpEndpoint", "enabled");
        c.end();
        c.end();
        c.endArray();
        c.end();
        c.field("requesterId", "");
        c.end();
    }

    private static void functionConfiguration(Call c) throws IOException {
        String function = c.r.pick(c.account.functions);
        c.g.writeStartObject();
        c.field("functionName", function);
        c.field("functionArn", c.arn("lambda", "function:" + function));
        c.field("runtime", "python3.12");
        c.field("role", "arn:aws:iam::" + c.account.id + ":role/service-role/" + function + "-role");
        c.field("handler", "app.handler");
        c.field("codeSize", 1_000 + c.r.nextInt(5_000_000));
        c.field("timeout", 30);
        c.field("memorySize", 512);
        c.field("lastModified", Times.iso(c.time).replace("Z", ".000+0000"));
        c.field("codeSha256", Ids.base64(c.r, 43) + "=");
        c.field("version", "$LATEST");
        c.field("state", "Active");
        c.field("lastUpdateStatus", "InProgress");
        c.array("architectures");
        c.g.writeString("arm64");
        c.endArray();
        c.end();
    }
}

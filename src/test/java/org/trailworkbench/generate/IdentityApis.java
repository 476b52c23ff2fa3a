package org.trailworkbench.generate;

import static org.trailworkbench.generate.ApiDef.api;

import java.io.IOException;
import java.util.List;

/** IAM, STS, sign-in and Organizations: IAM, sign-in and Organizations are global (logged in us-east-1). */
final class IdentityApis {
    private static final String[] MANAGED_POLICIES = {"arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess",
        "arn:aws:iam::aws:policy/AmazonEC2FullAccess"};

    private IdentityApis() {
    }

    static List<Api> all() {
        Api.Message noSuchUser = c -> "The user with name " + someUser(c) + " cannot be found.";
        return List.of(
                api("iam", "ListUsers").read(3, 1).global().build(),
                api("iam", "ListRoles").read(4, 2).global().build(),
                api("iam", "GetUser").read(3, 1).global().req(IdentityApis::userName)
                        .err(0.02, "NoSuchEntity", noSuchUser).build(),
                api("iam", "GetRole").read(3, 5).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("roleName", someRole(c));
                    c.end();
                }).build(),
                api("iam", "ListAttachedRolePolicies").read(3, 4).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("roleName", someRole(c));
                    c.end();
                }).build(),
                api("iam", "ListPolicies").read(2, 1).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("scope", "Local");
                    c.field("onlyAttached", false);
                    c.end();
                }).build(),
                api("iam", "GetPolicyVersion").read(1, 3).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("policyArn", "arn:aws:iam::" + c.account.id + ":policy/orders-data-access");
                    c.field("versionId", "v" + c.r.between(1, 6));
                    c.end();
                }).build(),
                api("iam", "ListAccessKeys").read(3, 1).global().req(IdentityApis::userName).build(),
                api("iam", "GetAccountSummary").read(1, 0.5).global().build(),
                api("iam", "ListMFADevices").read(2, 0.2).global().req(IdentityApis::userName).build(),
                api("iam", "CreateAccessKey").write(0.05, 0.01).global().req(IdentityApis::userName)
                        .res(IdentityApis::accessKey)
                        .err(0.15, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2").build(),
                api("iam", "DeleteAccessKey").write(0.03, 0.01).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("userName", someUser(c));
                    c.field("accessKeyId", Ids.awsId("AKIA", c.r, 16));
                    c.end();
                }).build(),
                api("iam", "CreateUser").write(0.02, 0.01).global().req(IdentityApis::userName).res(c -> {
                    String name = someUser(c);
                    c.g.writeStartObject();
                    c.object("user");
                    c.field("path", "/");
                    c.field("userName", name);
                    c.field("userId", Ids.awsId("AIDA", c.r, 17));
                    c.field("arn", "arn:aws:iam::" + c.account.id + ":user/" + name);
                    c.field("createDate", Times.sdk(c.time));
                    c.end();
                    c.end();
                }).err(0.3, "EntityAlreadyExists", c -> "User with name " + someUser(c) + " already exists.").build(),
                api("iam", "AttachUserPolicy").write(0.02, 0.01).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("userName", someUser(c));
                    c.field("policyArn", c.r.pick(MANAGED_POLICIES));
                    c.end();
                }).build(),
                api("iam", "PutRolePolicy").write(0.03, 0.05).global().req(c -> {
                    c.g.writeStartObject();
                    c.field("roleName", someRole(c));
                    c.field("policyName", "inline-s3-access");
                    c.field("policyDocument", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\":"
                            + " \"Allow\",\n    \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],\n    \"Resource\":"
                            + " \"arn:aws:s3:::" + c.bucket() + "/*\"\n  }]\n}");
                    c.end();
                }).build(),
                api("signin", "ConsoleLogin").write(1.2, 0).global().type("AwsConsoleSignIn").build(),
                api("organizations", "DescribeOrganization").read(0.6, 0.6).global().build(),
                api("sts", "GetCallerIdentity").read(8, 8).build(),
                api("sts", "AssumeRole").read(1, 30).by(0.85, "lambda.amazonaws.com", "ecs-tasks.amazonaws.com",
                                "config.amazonaws.com", "ec2.amazonaws.com")
                        .req(IdentityApis::assumeRoleRequest).res(IdentityApis::assumeRoleResponse)
                        .resources(c -> {
                            c.g.writeStartArray();
                            c.g.writeStartObject();
                            c.field("accountId", c.account.id);
                            c.field("type", "AWS::IAM::Role");
                            c.field("ARN", "arn:aws:iam::" + c.account.id + ":role/" + roleFor(c));
                            c.end();
                            c.endArray();
                        }).build());
    }

    private static String someUser(Call c) {
        Principal p = c.account.humans.get((int) Math.floorMod(c.time / 3600, 12L));
        return p instanceof Principal.IamUser user ? user.name() : "alice.martin";
    }

    private static String someRole(Call c) {
        Principal p = c.account.automation.get(c.r.nextInt(7));
        return p instanceof Principal.Role role ? role.name() : "orders-processor-role";
    }

    /** The role a service assumes follows from the service, so AssumeRole and the role's calls agree. */
    private static String roleFor(Call c) {
        String host = c.caller.principal() instanceof Principal.Service s ? s.host() : "";
        return switch (host) {
            case "lambda.amazonaws.com" -> "orders-processor-role";
            case "ecs-tasks.amazonaws.com" -> "ecs-task-inventory-api";
            case "config.amazonaws.com" -> "aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
            case "ec2.amazonaws.com" -> "ec2-ssm-instance-role";
            default -> "OrganizationAccountAccessRole";
        };
    }

    private static void userName(Call c) throws IOException {
        c.g.writeStartObject();
        c.field("userName", someUser(c));
        c.end();
    }

    private static void accessKey(Call c) throws IOException {
        c.g.writeStartObject();
        c.object("accessKey");
        c.field("accessKeyId", Ids.awsId("AKIA", c.r, 16));
        c.field("status", "Active");
        c.field("userName", c.caller.principal() instanceof Principal.IamUser u ? u.name() : someUser(c));
        c.field("createDate", Times.sdk(c.time));
        c.end();
        c.end();
    }

    private static void assumeRoleRequest(Call c) throws IOException {
        String role = roleFor(c);
        c.g.writeStartObject();
        c.field("roleArn", "arn:aws:iam::" + c.account.id + ":role/" + role);
        c.field("roleSessionName", sessionFor(c, role));
        c.field("durationSeconds", 3600);
        c.end();
    }

    private static String sessionFor(Call c, String role) {
        if (role.startsWith("orders")) {
            return "orders-processor";
        }
        if (role.startsWith("aws-service-role")) {
            return "AWSConfig-Describe";
        }
        return c.caller.session() != null ? c.caller.session() : Ids.hex(c.r, 32);
    }

    private static void assumeRoleResponse(Call c) throws IOException {
        String role = roleFor(c);
        String roleName = role.substring(role.lastIndexOf('/') + 1);
        String session = sessionFor(c, role);
        c.g.writeStartObject();
        c.object("credentials");
        c.field("accessKeyId", Ids.awsId("ASIA", c.r, 16));
        // Real tokens run to a kilobyte; a third of that keeps the shape without bloating the sample.
        c.field("sessionToken", "IQoJb3JpZ2luX2VjE" + Ids.base64(c.r, 340));
        c.field("expiration", Times.sdk(c.time + 3600));
        c.end();
        c.object("assumedRoleUser");
        c.field("assumedRoleId", "AROA" + Ids.upperAlnum(new Rng(Rng.hash(roleName)), 17) + ":" + session);
        c.field("arn", "arn:aws:sts::" + c.account.id + ":assumed-role/" + roleName + "/" + session);
        c.end();
        c.end();
    }
}

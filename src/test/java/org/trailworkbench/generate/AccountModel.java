package org.trailworkbench.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One account's cast and props: its principals (people, automation, services, root) and the resources
 * their calls name (buckets, instances, keys). Everything derives from the account's seed, so an instance
 * id or an access key stays the same across files, days and regions, as it would in a real account.
 */
final class AccountModel {
    private static final String[][] PEOPLE = {
        // user name, weight, MFA
        {"alice.martin", "3", "y"}, {"bob.nguyen", "2", "y"}, {"carla.rossi", "2", "y"},
        {"dmitri.ivanov", "1.5", "n"}, {"eva.schmidt", "1.5", "y"}, {"farid.haddad", "1", "y"},
        {"grace.kim", "1", "n"}, {"hiro.tanaka", "1", "y"}, {"ines.garcia", "1", "y"}, {"jonas.berg", "0.7", "n"},
        {"kwame.mensah", "0.7", "y"}, {"lea.dubois", "0.5", "y"},
    };
    private static final String[] BUCKET_SUFFIXES = {"app-assets", "data-lake", "backups", "reports"};

    final String id;
    final long seed;
    final List<Principal> humans = new ArrayList<>();
    final List<Principal> automation = new ArrayList<>();
    final Principal.Root root;
    /** The principal behind the injected spikes: a real user's leaked key, used from elsewhere. */
    final Principal.IamUser leakedKeyUser;
    /** The workload whose permissions broke, behind the injected AccessDenied burst. */
    final Principal.Role brokenRole;
    final List<String> buckets = new ArrayList<>();
    /** The trail itself, for the CloudTrail API calls that name it. */
    final String trailArn;
    final String[] secrets = {"prod/orders/db-password", "prod/payments/api-key", "ci/github-token",
        "staging/orders/db-password"};
    final String[] parameters = {"/prod/orders/db-host", "/prod/feature-flags", "/shared/ami/latest",
        "/prod/orders/queue-url", "/staging/orders/db-host"};
    final String[] functions = {"orders-processor", "thumbnail-generator", "nightly-report", "audit-forwarder"};
    final String[] tables = {"orders", "sessions", "inventory", "feature-flags"};
    final String[] stacks = {"network-baseline", "orders-service", "monitoring", "data-lake"};

    AccountModel(String id, TrailSpec spec) {
        this.id = id;
        this.seed = Rng.mix(spec.seed(), "account " + id);
        this.trailArn = "arn:aws:cloudtrail:" + spec.homeRegion() + ":" + id + ":trail/" + spec.trailName();
        Rng r = new Rng(seed);
        for (String suffix : BUCKET_SUFFIXES) {
            buckets.add(id + "-" + suffix);
        }
        buckets.add(spec.bucket());

        List<String> sdk = List.of(Agents.CLI, Agents.BOTO3_LAPTOP);
        Principal.IamUser kwame = null;
        for (String[] person : PEOPLE) {
            var user = new Principal.IamUser(id, person[0], Ids.awsId("AIDA", r, 17),
                    List.of(Ids.awsId("AKIA", r, 16), Ids.awsId("AKIA", r, 16)),
                    List.of(officeIp(r), homeIp(r)), person[2].equals("y"), true, sdk, Double.parseDouble(person[1]));
            humans.add(user);
            if (person[0].equals("kwame.mensah")) {
                kwame = user;
            }
        }
        leakedKeyUser = kwame;
        String ssoSuffix = Ids.hex(r, 16);
        List<String> emails = new ArrayList<>();
        for (String[] person : PEOPLE) {
            emails.add(person[0] + "@example.com");
        }
        humans.add(role("AWSReservedSSO_AdministratorAccess_" + ssoSuffix, "/aws-reserved/sso.amazonaws.com/",
                emails.subList(0, 6), List.of(officeIp(r), homeIp(r), homeIp(r)), sdk, null, true, false, false, 5, r));
        humans.add(role("AWSReservedSSO_ReadOnlyAccess_" + Ids.hex(r, 16), "/aws-reserved/sso.amazonaws.com/",
                emails.subList(4, emails.size()), List.of(officeIp(r), homeIp(r)), sdk, null, true, false, false, 4, r));
        humans.add(role("OrganizationAccountAccessRole", "/", List.of("alice.martin", "bob.nguyen"),
                List.of(officeIp(r)), sdk, null, true, false, false, 0.3, r));
        root = new Principal.Root(id, List.of(officeIp(r)), 0.02);
        humans.add(root);

        brokenRole = role("orders-processor-role", "/service-role/", List.of("orders-processor"),
                awsIps(r, 4), List.of(Agents.BOTO3_LAMBDA), null, false, false, false, 6, r);
        automation.add(brokenRole);
        automation.add(role("ecs-task-inventory-api", "/", List.of(Ids.hex(r, 32), Ids.hex(r, 32), Ids.hex(r, 32)),
                awsIps(r, 3), List.of(Agents.JAVA_ECS), null, false, false, false, 5, r));
        automation.add(role("AWSServiceRoleForConfig", "/aws-service-role/config.amazonaws.com/",
                List.of("AWSConfig-Describe"), List.of("AWS Internal"), List.of("AWS Internal"), "AWS Internal",
                false, true, false, 4, r));
        automation.add(role("ec2-ssm-instance-role", "/", instanceSessions(), awsIps(r, 6),
                List.of(Agents.SSM_AGENT), null, false, false, true, 4, r));
        automation.add(role("github-actions-deploy", "/", List.of("GitHubActions"), awsIps(r, 5),
                List.of(Agents.TERRAFORM), null, false, false, false, 1.5, r));
        automation.add(role("AWSServiceRoleForAutoScaling", "/aws-service-role/autoscaling.amazonaws.com/",
                List.of("AutoScaling"), List.of("autoscaling.amazonaws.com"), List.of("autoscaling.amazonaws.com"),
                "autoscaling.amazonaws.com", false, false, false, 1, r));
        automation.add(role("datalake-etl-role", "/", List.of("GlueJobRunnerSession"), List.of("glue.amazonaws.com"),
                List.of(Agents.JAVA_GLUE), "glue.amazonaws.com", false, false, false, 2, r));
        automation.add(new Principal.IamUser(id, "svc-backup", Ids.awsId("AIDA", r, 17),
                List.of(Ids.awsId("AKIA", r, 16)), List.of(officeIp(r)), false, false, List.of(Agents.CLI_CRON), 1));
        automation.add(new Principal.IamUser(id, "ci-terraform", Ids.awsId("AIDA", r, 17),
                List.of(Ids.awsId("AKIA", r, 16)), awsIps(r, 4), false, false, List.of(Agents.TERRAFORM), 1));
        automation.add(new Principal.IamUser(id, "legacy-reporting", Ids.awsId("AIDA", r, 17),
                List.of(Ids.awsId("AKIA", r, 16)), List.of(officeIp(r)), false, false, List.of(Agents.JAVA_V1), 0.8));
    }

    /** An instance id that is stable for (region, slot): the fleet does not change from file to file. */
    String instance(String region, int slot) {
        return Ids.resource("i", Rng.mix(seed, "instance " + region + " " + slot), 17);
    }

    String instance(String region, Rng r) {
        return instance(region, r.nextInt(14));
    }

    String regional(String prefix, String region, int slot, int hexLength) {
        return Ids.resource(prefix, Rng.mix(seed, prefix + " " + region + " " + slot), hexLength);
    }

    /** A KMS key id (a UUID) per region and slot. */
    String kmsKey(String region, int slot) {
        return Ids.uuid(new Rng(Rng.mix(seed, "kms " + region + " " + slot)));
    }

    String vpcEndpoint(String region) {
        return regional("vpce", region, 0, 17);
    }

    private static List<String> instanceSessions() {
        return List.of("i-0c1f7e6a2b9d43e15", "i-07a5d2c9e8f41b3a6", "i-0e93b6f1c7a2d5048", "i-03d8a4f6e1b7c9250");
    }

    private Principal.Role role(String name, String path, List<String> sessions, List<String> ips, List<String> agents,
                                String invokedBy, boolean human, boolean readsOnly, boolean instance, double weight,
                                Rng r) {
        return new Principal.Role(id, name, path, Ids.awsId("AROA", r, 17), sessions, ips, agents, invokedBy, human,
                readsOnly, instance, weight);
    }

    /** People work from the documentation ranges: no real person's address appears in a generated trail. */
    private static String officeIp(Rng r) {
        return "198.51.100." + r.between(10, 250);
    }

    private static String homeIp(Rng r) {
        return "203.0.113." + r.between(10, 250);
    }

    /** Workloads call from AWS-owned ranges, as Lambda, ECS and EC2 do. */
    private static List<String> awsIps(Rng r, int count) {
        List<String> ips = new ArrayList<>();
        String[] firsts = {"3.", "18.", "34.", "52.", "54."};
        for (int i = 0; i < count; i++) {
            ips.add(r.pick(firsts) + r.between(1, 254) + "." + r.between(0, 255) + "." + r.between(1, 254));
        }
        return ips;
    }
}

package org.trailworkbench.generate;

import static org.trailworkbench.generate.ApiDef.api;

import java.io.IOException;
import java.util.List;

/** S3 (management and data events), DynamoDB, KMS, Secrets Manager and SSM. */
final class StorageApis {
    private StorageApis() {
    }

    static List<Api> all() {
        Api.Body s3Extra = StorageApis::s3AdditionalData;
        return List.of(
                api("s3", "ListBuckets").read(5, 2).req(c -> {
                    c.s3Bucket = null;
                    c.g.writeStartObject();
                    c.field("Host", "s3." + c.region + ".amazonaws.com");
                    c.end();
                }).extra(s3Extra).build(),
                api("s3", "GetBucketAcl").read(1, 10).by(0.9, "cloudtrail.amazonaws.com")
                        .req(c -> bucketRequest(c, "acl")).extra(s3Extra).resources(StorageApis::bucketResource)
                        .build(),
                api("s3", "GetBucketLocation").read(3, 4).req(c -> bucketRequest(c, "location")).extra(s3Extra)
                        .resources(StorageApis::bucketResource).build(),
                api("s3", "GetBucketPolicy").read(2, 4).req(c -> bucketRequest(c, "policy")).extra(s3Extra)
                        .resources(StorageApis::bucketResource)
                        .err(0.35, "NoSuchBucketPolicy", "The bucket policy does not exist").build(),
                api("s3", "GetBucketVersioning").read(1.5, 3).req(c -> bucketRequest(c, "versioning")).extra(s3Extra)
                        .resources(StorageApis::bucketResource).build(),
                api("s3", "GetBucketPublicAccessBlock").read(1, 3).req(c -> bucketRequest(c, "publicAccessBlock"))
                        .extra(s3Extra).resources(StorageApis::bucketResource)
                        .err(0.2, "NoSuchPublicAccessBlockConfiguration",
                                "The public access block configuration was not found").build(),
                api("s3", "PutBucketPolicy").write(0.03, 0.02).req(c -> bucketRequest(c, "policy")).extra(s3Extra)
                        .resources(StorageApis::bucketResource).build(),
                api("s3", "GetObject").read(14, 110).data().req(StorageApis::objectRequest).extra(s3Extra)
                        .resources(StorageApis::objectResources)
                        .err(0.015, "NoSuchKey", "The specified key does not exist.").build(),
                api("s3", "HeadObject").read(3, 25).data().req(StorageApis::objectRequest).extra(s3Extra)
                        .resources(StorageApis::objectResources).build(),
                api("s3", "PutObject").write(5, 45).data().req(StorageApis::objectRequest).res(c -> {
                    c.g.writeStartObject();
                    c.field("x-amz-server-side-encryption", "AES256");
                    c.field("x-amz-version-id", Ids.alnum(c.r, 32));
                    c.end();
                }).extra(s3Extra).resources(StorageApis::objectResources).build(),
                api("s3", "DeleteObject").write(0.8, 4).data().req(StorageApis::objectRequest).extra(s3Extra)
                        .resources(StorageApis::objectResources).build(),
                api("s3", "ListObjects").read(4, 12).data().req(c -> {
                    bucketRequest(c, null);
                }).extra(s3Extra).resources(StorageApis::bucketResource).build(),
                api("dynamodb", "DescribeTable").read(1, 12).req(c -> {
                    c.g.writeStartObject();
                    c.field("tableName", c.r.pick(c.account.tables));
                    c.end();
                }).build(),
                api("dynamodb", "ListTables").read(2, 1).build(),
                api("kms", "Decrypt").read(1, 40).by(0.5, "s3.amazonaws.com", "secretsmanager.amazonaws.com",
                        "ssm.amazonaws.com").req(c -> {
                            c.g.writeStartObject();
                            encryptionContext(c);
                            c.field("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
                            c.end();
                        }).resources(StorageApis::keyResource).build(),
                api("kms", "GenerateDataKey").read(0.5, 20).by(0.5, "s3.amazonaws.com", "cloudtrail.amazonaws.com")
                        .req(c -> {
                            c.g.writeStartObject();
                            c.field("keyId", c.kmsKeyArn());
                            encryptionContext(c);
                            c.field("keySpec", "AES_256");
                            c.end();
                        }).resources(StorageApis::keyResource).build(),
                api("kms", "DescribeKey").read(2, 4).req(c -> {
                    c.g.writeStartObject();
                    c.field("keyId", "alias/" + c.r.pick(c.account.tables));
                    c.end();
                }).resources(StorageApis::keyResource)
                        .err(0.03, "NotFoundException", c -> "Alias arn:aws:kms:" + c.region + ":" + c.account.id
                                + ":alias/legacy is not found.").build(),
                api("kms", "ListAliases").read(2, 1).build(),
                api("kms", "RotateKey").write(0, 0.2).type("AwsServiceEvent").resources(StorageApis::keyResource)
                        .extra(c -> {
                            c.g.writeStartObject();
                            c.field("keyId", c.account.kmsKey(c.region, 0));
                            c.end();
                        }).build(),
                api("secretsmanager", "GetSecretValue").read(0.5, 7).req(c -> {
                    c.g.writeStartObject();
                    c.field("secretId", c.r.pick(c.account.secrets));
                    c.end();
                }).err(0.01, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.").build(),
                api("secretsmanager", "DescribeSecret").read(1, 1).req(c -> {
                    c.g.writeStartObject();
                    c.field("secretId", c.arn("secretsmanager", "secret:" + c.r.pick(c.account.secrets) + "-"
                            + Ids.alnum(new Rng(c.account.seed), 6)));
                    c.end();
                }).build(),
                api("secretsmanager", "ListSecrets").read(1.5, 0.3).build(),
                api("ssm", "GetParameter").read(1, 9).req(c -> {
                    c.g.writeStartObject();
                    c.field("name", c.r.pick(c.account.parameters));
                    c.field("withDecryption", c.r.chance(0.6));
                    c.end();
                }).err(0.02, "ParameterNotFound", "").build(),
                api("ssm", "GetParameters").read(0.5, 4).req(c -> {
                    c.g.writeStartObject();
                    c.array("names");
                    c.g.writeString(c.account.parameters[0]);
                    c.g.writeString(c.account.parameters[3]);
                    c.endArray();
                    c.field("withDecryption", true);
                    c.end();
                }).build(),
                api("ssm", "DescribeInstanceInformation").read(1, 3).build(),
                api("ssm", "UpdateInstanceInformation").write(0, 14).role("ec2-ssm-instance-role")
                        .req(StorageApis::instanceInformation).build(),
                api("ssm", "StartSession").write(0.15, 0).req(c -> {
                    c.g.writeStartObject();
                    c.field("target", c.instance());
                    c.end();
                }).res(c -> {
                    String id = (c.caller.session() != null ? c.caller.session() : "session") + "-" + Ids.hex(c.r, 17);
                    c.g.writeStartObject();
                    c.field("sessionId", id);
                    c.field("tokenValue", "Value hidden due to security reasons.");
                    c.field("streamUrl", "wss://ssmmessages." + c.region + ".amazonaws.com/v1/data-channel/" + id
                            + "?role=publish_subscribe&cell-number=" + Ids.base64(c.r, 40));
                    c.end();
                }).build());
    }

    private static void bucketRequest(Call c, String subresource) throws IOException {
        boolean trailCheck = c.caller.principal() instanceof Principal.Service s
                && s.host().equals("cloudtrail.amazonaws.com");
        c.s3Bucket = trailCheck ? c.account.buckets.get(c.account.buckets.size() - 1) : c.bucket();
        c.g.writeStartObject();
        c.field("bucketName", c.s3Bucket);
        c.field("Host", c.s3Bucket + ".s3." + c.region + ".amazonaws.com");
        if (subresource != null) {
            c.field(subresource, "");
        } else {
            c.field("prefix", "orders/" + Times.iso(c.time).substring(0, 7).replace('-', '/') + "/");
            c.field("delimiter", "/");
        }
        c.end();
    }

    private static void objectRequest(Call c) throws IOException {
        c.s3Bucket = c.bucket();
        c.s3Key = objectKey(c);
        c.g.writeStartObject();
        c.field("bucketName", c.s3Bucket);
        c.field("Host", c.s3Bucket + ".s3." + c.region + ".amazonaws.com");
        c.field("key", c.s3Key);
        c.end();
    }

    /** Object keys in the shapes applications use, one folder with accents to exercise UTF-8 paths. */
    private static String objectKey(Call c) {
        String day = Times.iso(c.time).substring(0, 10).replace('-', '/');
        int kind = c.r.nextInt(40);
        if (kind == 0) {
            return "rapports/été-2025/résumé-" + c.r.between(1, 40) + ".pdf";
        }
        return switch (kind % 5) {
            case 0 -> "orders/" + day + "/order-" + (100_000 + c.r.nextInt(900_000)) + ".json";
            case 1 -> "images/products/" + Ids.hex(c.r, 12) + ".jpg";
            case 2 -> "exports/" + day + "/inventory-" + c.r.between(1, 24) + ".csv";
            case 3 -> "backups/db/" + day + "/dump-" + c.r.between(1, 4) + ".sql.gz";
            default -> "logs/app/" + day + "/" + Times.iso(c.time).substring(11, 13) + "/part-"
                    + String.format("%05d", c.r.nextInt(100_000)) + ".gz";
        };
    }

    private static void s3AdditionalData(Call c) throws IOException {
        boolean write = !c.api.readOnly();
        c.g.writeStartObject();
        c.field("SignatureVersion", "SigV4");
        c.field("CipherSuite", "TLS_AES_128_GCM_SHA256");
        c.field("bytesTransferredIn", write && c.api.data() ? 200 + c.r.nextInt(2_000_000) : 0);
        if (c.api.data()) {
            c.field("SSEApplied", "Default_SSE_S3");
        }
        c.field("AuthenticationMethod", "AuthHeader");
        c.field("x-amz-id-2", Ids.base64(c.r, 76));
        c.field("bytesTransferredOut", write ? 0 : 100 + c.r.nextInt(c.api.data() ? 5_000_000 : 2_000));
        c.end();
    }

    private static void bucketResource(Call c) throws IOException {
        c.g.writeStartArray();
        if (c.s3Bucket != null) {
            c.g.writeStartObject();
            c.field("accountId", c.account.id);
            c.field("type", "AWS::S3::Bucket");
            c.field("ARN", "arn:aws:s3:::" + c.s3Bucket);
            c.end();
        }
        c.endArray();
    }

    private static void objectResources(Call c) throws IOException {
        c.g.writeStartArray();
        c.g.writeStartObject();
        c.field("type", "AWS::S3::Object");
        c.field("ARN", "arn:aws:s3:::" + c.s3Bucket + "/" + c.s3Key);
        c.end();
        c.g.writeStartObject();
        c.field("accountId", c.account.id);
        c.field("type", "AWS::S3::Bucket");
        c.field("ARN", "arn:aws:s3:::" + c.s3Bucket);
        c.end();
        c.endArray();
    }

    private static void keyResource(Call c) throws IOException {
        c.g.writeStartArray();
        c.g.writeStartObject();
        c.field("accountId", c.account.id);
        c.field("type", "AWS::KMS::Key");
        c.field("ARN", c.kmsKeyArn());
        c.end();
        c.endArray();
    }

    private static void encryptionContext(Call c) throws IOException {
        c.object("encryptionContext");
        switch (c.r.nextInt(3)) {
            case 0 -> c.field("aws:lambda:FunctionArn", c.arn("lambda", "function:" + c.r.pick(c.account.functions)));
            case 1 -> c.field("aws:s3:arn", "arn:aws:s3:::" + c.bucket());
            default -> c.field("SecretARN", c.arn("secretsmanager", "secret:" + c.account.secrets[0] + "-AbCd12"));
        }
        c.end();
    }

    private static void instanceInformation(Call c) throws IOException {
        String ip = "10.0." + c.r.between(1, 3) + "." + c.r.between(4, 250);
        c.g.writeStartObject();
        c.field("instanceId", c.caller.session() != null ? c.caller.session() : c.instance());
        c.field("agentVersion", "3.3.1802.0");
        c.field("agentStatus", "Active");
        c.field("platformType", "Linux");
        c.field("platformName", "Amazon Linux");
        c.field("platformVersion", "2023");
        c.field("iPAddress", ip);
        c.field("computerName", "ip-" + ip.replace('.', '-') + "." + c.region + ".compute.internal");
        c.field("agentName", "amazon-ssm-agent");
        c.field("availabilityZone", c.region + "a");
        c.end();
    }
}

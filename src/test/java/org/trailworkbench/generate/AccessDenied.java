package org.trailworkbench.generate;

/** How each service words a refusal: the code differs by service, the IAM message is shared. */
final class AccessDenied {
    private AccessDenied() {
    }

    static String code(Api api) {
        return switch (api.service()) {
            case "ec2" -> "Client.UnauthorizedOperation";
            case "kms", "lambda", "dynamodb", "secretsmanager", "ssm", "logs", "ecs", "ecr", "cloudtrail" ->
                    "AccessDeniedException";
            default -> "AccessDenied";
        };
    }

    static String message(Api api, Call c) {
        String service = api.service();
        if (service.equals("s3")) {
            return "Access Denied";
        }
        String explanation = "User: " + c.callerArn() + " is not authorized to perform: " + api.action()
                + " on resource: " + resource(api, c) + " because no identity-based policy allows the "
                + api.action() + " action";
        if (service.equals("ec2")) {
            return "You are not authorized to perform this operation. " + explanation
                    + ". Encoded authorization failure message: " + Ids.base64(c.r, 120);
        }
        return explanation;
    }

    private static String resource(Api api, Call c) {
        return switch (api.service()) {
            case "sts" -> "arn:aws:iam::" + c.account.id + ":role/OrganizationAccountAccessRole";
            case "secretsmanager" -> c.arn("secretsmanager", "secret:" + c.account.secrets[0] + "-Xy12Ab");
            case "iam" -> "arn:aws:iam::" + c.account.id + ":user/" + "alice.martin";
            case "ec2" -> c.arn("ec2", "instance/*");
            case "kms" -> c.kmsKeyArn();
            case "ssm" -> c.arn("ssm", "parameter" + c.account.parameters[0]);
            default -> "*";
        };
    }
}

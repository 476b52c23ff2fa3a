package org.trailworkbench.generate;

/** User agents, shaped like those real SDKs and tools send. */
final class Agents {
    static final String CLI = "aws-cli/2.24.10 md/awscrt#0.23.8 ua/2.1 os/macos#24.3.0 md/arch#arm64 "
            + "lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off "
            + "md/command#";
    static final String CLI_CRON = "aws-cli/2.22.35 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.0-31-amd64 md/arch#x86_64 "
            + "lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#debian.12 "
            + "md/prompt#off md/command#";
    static final String BOTO3_LAPTOP = "Boto3/1.37.4 md/Botocore#1.37.4 ua/2.0 os/macos#24.3.0 md/arch#arm64 "
            + "lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.37.4";
    static final String BOTO3_LAMBDA = "Boto3/1.36.2 md/Botocore#1.36.2 ua/2.0 os/linux#5.10.234-245.895.amzn2.x86_64 "
            + "md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 "
            + "cfg/retry-mode#legacy Botocore/1.36.2";
    static final String JAVA_ECS = "aws-sdk-java/2.30.31 Linux/5.10.234-245.895.amzn2.x86_64 "
            + "OpenJDK_64-Bit_Server_VM/21.0.6+7-LTS Java/21.0.6 vendor/Amazon.com_Inc. md/internal "
            + "exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/legacy";
    static final String JAVA_GLUE = "aws-sdk-java/1.12.780 Linux/5.10.234-245.895.amzn2.x86_64 "
            + "OpenJDK_64-Bit_Server_VM/17.0.14+7-LTS java/17.0.14 scala/2.12.18 vendor/Amazon.com_Inc. "
            + "exec-env/AWS_Glue cfg/retry-mode/standard";
    static final String JAVA_V1 = "aws-sdk-java/1.11.1034 Linux/4.14.355-275.570.amzn2.x86_64 "
            + "OpenJDK_64-Bit_Server_VM/11.0.26+4-LTS java/11.0.26 vendor/Amazon.com_Inc.";
    static final String SSM_AGENT = "aws-sdk-go/1.55.6 (go1.23.4; linux; amd64) amazon-ssm-agent/3.3.1802.0";
    static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.10.5 (+https://www.terraform.io) "
            + "terraform-provider-aws/5.88.0 (+https://registry.terraform.io/providers/hashicorp/aws) "
            + "aws-sdk-go-v2/1.36.1 ua/2.1 os/linux lang/go#1.23.6 md/GOOS#linux md/GOARCH#amd64";
    static final String SPIKE_SCRIPT = "python-requests/2.32.3 Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/linux#6.8.0 "
            + "md/arch#x86_64 lang/python#3.11.4 cfg/retry-mode#legacy Botocore/1.35.0";
    static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 "
                + "Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 "
                + "Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0",
    };

    private Agents() {
    }

    /** The CLI appends the command it ran ({@code md/command#ec2.describe-instances}). */
    static boolean endsWithCommand(String agent) {
        return agent.endsWith("md/command#");
    }
}

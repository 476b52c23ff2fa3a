package org.trailworkbench.cli;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.remote.RemoteTarget;
import org.trailworkbench.remote.RequestSigner;
import org.trailworkbench.s3.AwsRequestSigner;
import org.trailworkbench.s3.AwsSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --case DIR|URL}, which every command takes: a case folder, or a remote case (an OpenSearch index at a
 * URL) with its basic-auth credentials from {@code --user}/{@code --password} or the environment, or its requests
 * signed with AWS SigV4 ({@code --aws-sigv4}) for Amazon OpenSearch Service.
 */
final class CaseOption {

    static final String USER_ENV = "TRAILWORKBENCH_OPENSEARCH_USER";
    static final String PASSWORD_ENV = "TRAILWORKBENCH_OPENSEARCH_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR|URL",
            description = {"The case folder (created by the first import),", "or a remote case, an OpenSearch index:",
                    "  opensearch://host:9200/INDEX", "  opensearchs://host:9200/INDEX (TLS)", "  https://host/INDEX (TLS)"})
    String location;

    @Option(names = "--user", paramLabel = "USER",
            description = "Basic-auth user of a remote case (default: $" + USER_ENV + ").")
    String user;

    // a password given here shows in the process list: the environment variable is the better place
    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Basic-auth password of a remote case (default: $" + PASSWORD_ENV
                    + ", which other users cannot see in the process list).")
    String password;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait for each answer of a remote case's cluster (default: 120).")
    Integer timeoutSeconds;

    @Option(names = "--aws-sigv4",
            description = {"Sign every request to a remote case with AWS SigV4 (Amazon OpenSearch Service),",
                    "with the credentials of the SDK's default chain or --profile, in --aws-region",
                    "(default: the one an AWS host names, else the profile's or AWS_REGION)."})
    boolean awsSigV4;

    @Option(names = "--aws-service", paramLabel = "NAME",
            description = "What --aws-sigv4 signs for: es (OpenSearch Service) or aoss (Serverless). Default: "
                    + "the one an AWS host names, else es.")
    String awsService;

    boolean isRemote() {
        return RemoteTarget.isRemote(location);
    }

    /** The case folder as given; for a remote case, the one line saying this command cannot use it yet. */
    Path dir() throws CliFailure {
        if (isRemote()) {
            throw new CliFailure(spec.qualifiedName() + " does not work on a remote case yet (" + location
                    + "); it needs a case folder");
        }
        if (user != null || password != null || timeoutSeconds != null) {
            throw new ParameterException(spec.commandLine(), "--user, --password and --timeout apply to a remote case "
                    + "(--case opensearch://host:9200/INDEX) only");
        }
        if (awsSigV4 || awsService != null) {
            throw new ParameterException(spec.commandLine(), "--aws-sigv4 and --aws-service apply to a remote case "
                    + "(--case https://HOST/INDEX) only");
        }
        requireSigV4ForAccount();
        return Path.of(location);
    }

    /** For commands that read: a missing case is an error, not a new empty case. */
    Case openExisting() throws IOException, CliFailure {
        return Case.open(existingFolder());
    }

    /** The folder of an existing case, for commands that work on a case that may not open (check, rebuild). */
    Path existingFolder() throws CliFailure {
        Path dir = dir();
        if (!Case.isCase(dir)) {
            if (!Files.exists(dir)) {
                throw new CliFailure("no case at " + dir + " (create one with: trail-workbench import --case "
                        + dir + " LOGS)");
            }
            throw new CliFailure(dir + " is not a Trail Workbench case (it has no case.json)");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** For import: creates the case when the folder is new or empty. */
    Case openOrCreate() throws IOException, CliFailure {
        return Case.open(dir());
    }

    /** For commands that only search (search, facets, timeline, export, stats): a local or a remote case. */
    CaseEvents openEvents() throws IOException, CliFailure {
        if (isRemote()) {
            return CaseEvents.remote(connect().requireIndex());
        }
        return CaseEvents.local(openExisting());
    }

    /** The remote case named by --case, connected (the cluster answered); its index may not exist yet. */
    RemoteCase connect() throws IOException {
        RemoteTarget target = target();
        return RemoteCase.connect(target, answerTimeout(), signer(target));
    }

    /** The AWS SigV4 signer --aws-sigv4 asks for, or null: requests then go as they are (or with basic auth). */
    private RequestSigner signer(RemoteTarget target) {
        if (!awsSigV4) {
            if (awsService != null) {
                throw new ParameterException(spec.commandLine(), "--aws-service goes with --aws-sigv4");
            }
            requireSigV4ForAccount();
            return null;
        }
        if (target.user() != null) {
            throw new ParameterException(spec.commandLine(), "--aws-sigv4 or a user (--user, $" + USER_ENV
                    + "): a request carries one of them");
        }
        AwsSettings account = AwsSettings.defaults().withProfile(optionValue(AwsAccountOptions.PROFILE))
                .withRegion(optionValue(AwsAccountOptions.REGION));
        try {
            return AwsRequestSigner.forCluster(account, awsService, target.host())::sign;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--aws-sigv4: " + e.getMessage());
        }
    }

    /**
     * On a command that reads no S3 source, --profile and --aws-region only say whom --aws-sigv4 signs as:
     * without it they would be silently ignored, and the user would believe them used.
     */
    private void requireSigV4ForAccount() {
        boolean readsS3 = spec.findOption("--endpoint-url") != null; // AwsOptions: the command takes s3:// sources
        if (!awsSigV4 && !readsS3 && (optionValue(AwsAccountOptions.PROFILE) != null
                || optionValue(AwsAccountOptions.REGION) != null)) {
            throw new ParameterException(spec.commandLine(), "--profile and --aws-region go with --aws-sigv4 on "
                    + spec.qualifiedName() + ": they choose whose credentials sign the requests to a remote case");
        }
    }

    /** --profile and --aws-region belong to the command (with its S3 options, when it has them), not to --case. */
    private String optionValue(String name) {
        var option = spec.findOption(name);
        return option == null ? null : option.getValue();
    }

    java.time.Duration answerTimeout() {
        if (timeoutSeconds == null) {
            return RemoteCase.DEFAULT_ANSWER_TIMEOUT;
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout: at least 1 second, not " + timeoutSeconds);
        }
        return java.time.Duration.ofSeconds(timeoutSeconds);
    }

    RemoteTarget target() {
        String u = user != null ? user : System.getenv(USER_ENV);
        String p = password != null ? password : System.getenv(PASSWORD_ENV);
        try {
            return RemoteTarget.parse(location, u == null || u.isEmpty() ? null : u, p);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--case: " + e.getMessage());
        }
    }
}

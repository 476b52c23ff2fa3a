package org.trailworkbench.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.remote.TestNode;
import org.trailworkbench.s3.SigV4CheckingProxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote case on "Amazon OpenSearch Service": the test node behind {@link SigV4CheckingProxy}, which refuses
 * any request whose SigV4 signature is not the one the test's keys give. The command line finds the keys where
 * the SDK's default chain looks first (the system properties aws.accessKeyId and aws.secretAccessKey).
 */
class SigV4CliTest {

    private static final Path SAMPLE = Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs"));
    private static final AwsBasicCredentials KEYS = AwsBasicCredentials.create("AKIDTRAILWORKBENCHTEST", "sigv4-test-secret");
    private static final String INDEX = "/sigv4-case";

    @TempDir
    static Path dir;
    static SigV4CheckingProxy proxy;
    static Path logs;
    static String direct;
    static String signed;

    @BeforeAll
    static void importThroughTheProxy() throws IOException {
        logs = dir.resolve("logs");
        List<Path> files;
        try (Stream<Path> all = Files.walk(SAMPLE)) {
            files = all.filter(p -> p.toString().contains("/CloudTrail/") && p.toString().endsWith(".json.gz"))
                    .sorted().limit(24).toList();
        }
        for (Path f : files) {
            Path copy = logs.resolve(SAMPLE.relativize(f).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(f, copy);
        }
        String node = TestNode.get().url();
        proxy = new SigV4CheckingProxy(node, KEYS, "eu-west-1", "es");
        direct = node.replace("http://", "opensearch://") + INDEX;
        signed = proxy.url().replace("http://", "opensearch://") + INDEX;
        System.setProperty("aws.accessKeyId", KEYS.accessKeyId());
        System.setProperty("aws.secretAccessKey", KEYS.secretAccessKey());
        RemoteCliTest.ok("import", logs.toString(), "--case", signed, "--aws-sigv4", "--aws-region", "eu-west-1", "--quiet");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theImportWentThroughSignedBulkRequests() {
        assertThat(proxy.refused()).isZero();
        assertThat(proxy.signedRequests()).anySatisfy(r -> assertThat(r).matches("POST \\S*/_bulk [1-9]\\d*"));
    }

    @Test
    void signedSearchesAnswerAsTheClusterItselfDoes() {
        int refusedBefore = proxy.refused();
        int signedBefore = proxy.signedRequests().size();
        for (String[] args : List.of(new String[]{"search", "-q", "errorCode:AccessDenied*", "--json"},
                new String[]{"facets", "-q", "_exists_:errorCode"},
                new String[]{"timeline", "--split", "eventSource"})) {
            CliRun unsigned = RemoteCliTest.ok(RemoteCliTest.withCase(direct, args));
            CliRun throughProxy = RemoteCliTest.ok(signedArgs(RemoteCliTest.withCase(signed, args)));
            assertThat(throughProxy.out()).as("%s", List.of(args))
                    .isEqualTo(unsigned.out().replace(direct.replace("opensearch://", "http://"),
                            signed.replace("opensearch://", "http://")));
        }
        assertThat(proxy.refused()).isEqualTo(refusedBefore);
        assertThat(proxy.signedRequests().size()).isGreaterThan(signedBefore);
    }

    @Test
    void wrongCredentialsAreOneLineNamingTheUrlAndExitOne() {
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            for (String[] args : List.of(new String[]{"search", "--case", signed},
                    new String[]{"import", logs.toString(), "--case", signed})) {
                assertThat(assertRefused(CliRun.of(signedArgs(args))))
                        .contains("The request signature we calculated does not match");
            }
        } finally {
            System.setProperty("aws.secretAccessKey", KEYS.secretAccessKey());
        }
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertThat(assertRefused(CliRun.of("search", "--case", signed))).contains("requires 'Signature'");
    }

    @Test
    void sigV4BesideAFolderOrAUserIsAUsageError() {
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", dir.resolve("no-case").toString(), "--aws-sigv4"),
                "--aws-sigv4 and --aws-service apply to a remote case (--case https://HOST/INDEX) only");
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", signed, "--aws-sigv4", "--user", "admin"),
                "--aws-sigv4 or a user (--user, $" + CaseOption.USER_ENV + "): a request carries one of them");
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", signed, "--aws-sigv4", "--aws-service", "s3"),
                "--aws-sigv4: the service to sign for is es (OpenSearch Service) or aoss (Serverless), not s3");
        CliErrorsTest.assertUsage(CliRun.of("search", "--case", signed, "--profile", "audit"),
                "--profile and --aws-region go with --aws-sigv4 on trail-workbench search: they choose whose "
                        + "credentials sign the requests to a remote case");
        CliErrorsTest.assertUsage(CliRun.of("stats", "--case", dir.resolve("no-case").toString(), "--aws-region",
                "eu-west-1"), "--profile and --aws-region go with --aws-sigv4 on trail-workbench stats: they choose "
                + "whose credentials sign the requests to a remote case");
    }

    /** @return the one line on stderr */
    private static String assertRefused(CliRun run) {
        assertThat(run.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: " + signed.replace("opensearch://", "http://") + ": 403 Forbidden")
                .doesNotContain("not-the-secret");
        return run.errLines().get(0);
    }

    private static String[] signedArgs(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--aws-sigv4", "--aws-region", "eu-west-1")).toArray(String[]::new);
    }
}

package org.trailworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.s3.S3TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import s3://...} and {@code download} end to end through the command line, against a real S3
 * server, with credentials found the way users have them: a named profile in a shared credentials file.
 */
class S3CliTest {

    static final String BUCKET = "cli-trail-bucket";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static S3TestServer server;
    static GeneratedTrail trail;
    static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.start();
        trail = new TrailGenerator(TrailSpec.builder().seed(3).accounts(List.of("444444444444"))
                .regions(List.of("us-east-1")).homeRegion("us-east-1").bucket(BUCKET)
                .start(Instant.parse("2025-03-06T00:00:00Z")).days(1).eventsPerDay(100).withInsights(false).build())
                .generate(dir.resolve("trail"));
        server.uploadTrail(trail.root(), BUCKET, "");
        endpoint = server.endpoint().toString();
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[s3test]\naws_access_key_id = " + S3TestServer.ACCESS_KEY
                + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile s3test]\nregion = us-east-1\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
        server.close();
    }

    @Test
    void importFromS3EqualsImportFromDiskAndIsIncremental() throws Exception {
        CliRun disk = CliRun.of("import", trail.root().toString(), "--case", dir.resolve("disk").toString(), "--json");
        String caseDir = dir.resolve("s3").toString();
        CliRun first = CliRun.of("import", "s3://" + BUCKET, "--case", caseDir, "--profile", "s3test",
                "--endpoint-url", endpoint, "--path-style", "--json");
        assertThat(first.err()).isEmpty();
        assertThat(first.code()).isZero();
        JsonNode fromDisk = JSON.readTree(disk.out());
        JsonNode fromS3 = JSON.readTree(first.out());
        assertThat(fromS3.get("eventsInCase").asLong()).isEqualTo(fromDisk.get("eventsInCase").asLong()).isPositive();
        assertThat(fromS3.get("files")).isEqualTo(fromDisk.get("files"));

        CliRun again = CliRun.of("import", "s3://" + BUCKET, "--case", caseDir, "--profile", "s3test",
                "--endpoint-url", endpoint, "--path-style");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("0 imported, " + String.format("%,d", fromS3.at("/files/imported").asLong()
                + fromS3.at("/files/digest").asLong()) + " unchanged");
    }

    /** The same bucket into a remote case on the real test node: the same events, and a re-run reads nothing. */
    @Test
    void importFromS3IntoARemoteCaseHoldsTheEventsOfALocalImport() throws Exception {
        String local = dir.resolve("s3-for-remote").toString();
        String remote = org.trailworkbench.remote.TestNode.get().url().replace("http://", "opensearch://") + "/from-s3";
        String[] s3 = {"--profile", "s3test", "--endpoint-url", endpoint, "--path-style", "--json"};
        CliRun toLocal = CliRun.of(concat(new String[]{"import", "s3://" + BUCKET, "--case", local}, s3));
        CliRun toRemote = CliRun.of(concat(new String[]{"import", "s3://" + BUCKET, "--case", remote}, s3));
        assertThat(toRemote.err()).isEmpty();
        assertThat(toRemote.code()).isZero();
        JsonNode localSummary = JSON.readTree(toLocal.out());
        JsonNode remoteSummary = JSON.readTree(toRemote.out());
        assertThat(remoteSummary.at("/files/imported").asLong()).isEqualTo(localSummary.at("/files/imported").asLong())
                .isPositive();
        assertThat(remoteSummary.get("eventsInCase").asLong()).isEqualTo(localSummary.get("eventsInCase").asLong())
                .isPositive();
        assertThat(remoteSummary.get("problems")).isEmpty();
        assertThat(events(remote)).isEqualTo(events(local));

        JsonNode again = JSON.readTree(CliRun.of(concat(new String[]{"import", "s3://" + BUCKET, "--case", remote}, s3)).out());
        assertThat(again.at("/files/imported").asLong()).isZero();
        assertThat(again.at("/files/unchanged").asLong()).isEqualTo(remoteSummary.at("/files/imported").asLong());
        assertThat(again.get("eventsRead").asLong()).isZero();
    }

    /** Every event of a case as stored, in a stable order (events of one millisecond may come in either order). */
    private static List<String> events(String theCase) {
        CliRun run = CliRun.of("search", "--case", theCase, "--json", "--limit", "1000000", "--sort", "oldest");
        assertThat(run.code()).as(run.err()).isZero();
        return run.outLines().stream().sorted().toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void importFiltersByKind() throws Exception {
        CliRun digests = CliRun.of("import", "s3://" + BUCKET + "/AWSLogs/", "--case", dir.resolve("digests").toString(),
                "--profile", "s3test", "--endpoint-url", endpoint, "--path-style", "--kind", "digests", "--json");
        assertThat(digests.code()).as(digests.err()).isZero();
        JsonNode summary = JSON.readTree(digests.out());
        assertThat(summary.at("/files/digest").asLong()).isEqualTo(trail.counts().digests());
        assertThat(summary.at("/files/imported").asLong()).isZero();
    }

    @Test
    void downloadWritesAFolderThatImportsLikeTheBucket() throws Exception {
        Path folder = dir.resolve("evidence");
        // no CloudTrail here: the download completes its objects and says why public-keys.json is missing
        CliRun run = CliRun.of("download", "s3://" + BUCKET, folder.toString(), "--profile", "s3test",
                "--endpoint-url", endpoint, "--path-style", "--cloudtrail-endpoint-url", "http://127.0.0.1:9");
        assertThat(run.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(run.out()).contains("objects: ").contains(" downloaded, 0 already present, 0 problems")
                .contains("Public keys: CloudTrail ListPublicKeys in us-east-1 failed")
                .contains("Run the same download again");
        assertThat(folder.resolve("download-manifest.json")).exists();
        try (var sidecars = Files.walk(folder)) {
            assertThat(sidecars.filter(p -> p.toString().endsWith(".metadata.json")).count()).isEqualTo(trail.counts().digests());
        }
        CliRun imported = CliRun.of("import", folder.toString(), "--case", dir.resolve("from-folder").toString(), "--json");
        CliRun direct = CliRun.of("import", trail.root().toString(), "--case", dir.resolve("direct").toString(), "--json");
        assertThat(JSON.readTree(imported.out()).get("files")).isEqualTo(JSON.readTree(direct.out()).get("files"));
    }

    @Test
    void errorsNameTheBucketAndSayWhatToDo() {
        CliRun noBucket = CliRun.of("import", "s3://no-such-bucket-here", "--case", dir.resolve("x1").toString(),
                "--profile", "s3test", "--endpoint-url", endpoint, "--path-style");
        assertThat(noBucket.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(noBucket.err()).startsWith("error: no such bucket: no-such-bucket-here");

        CliRun noProfile = CliRun.of("download", "s3://" + BUCKET, dir.resolve("x2").toString(), "--profile", "nosuch",
                "--endpoint-url", endpoint, "--path-style");
        assertThat(noProfile.code()).isEqualTo(TrailCli.FAILURE);
        assertThat(noProfile.err()).startsWith("error: no AWS credentials found for profile nosuch");

        CliRun s3OptionOnDisk = CliRun.of("import", trail.root().toString(), "--case", dir.resolve("x3").toString(),
                "--org", "o-abcdefghij");
        assertThat(s3OptionOnDisk.code()).isEqualTo(TrailCli.USAGE);
        assertThat(s3OptionOnDisk.err()).contains("apply to s3:// sources only");

        CliRun badKind = CliRun.of("import", "s3://" + BUCKET, "--case", dir.resolve("x4").toString(), "--kind", "pictures");
        assertThat(badKind.code()).isEqualTo(TrailCli.USAGE);
        assertThat(badKind.err()).contains("'pictures' is not logs, digests or insights");
    }
}

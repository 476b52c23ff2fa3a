package org.trailworkbench.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.FileOutcome;
import org.trailworkbench.casefile.FileRecord;
import org.trailworkbench.casefile.FileStatus;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.casefile.ImportReport;
import org.trailworkbench.generate.GeneratedTrail;
import org.trailworkbench.generate.TrailGenerator;
import org.trailworkbench.generate.TrailSpec;
import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.testing.TrailFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import from a real S3 server (s3proxy) loaded with a generated organization trail. */
class S3ImportTest {

    static final String BUCKET = "org-trail-logs";
    static final String ORG = "o-a1b2c3d4e5";
    static final String ACCOUNT_A = "111111111111";
    static final String ACCOUNT_B = "222222222222";

    @TempDir
    static Path dir;
    static S3TestServer server;
    static GeneratedTrail trail;
    static S3Location location;
    static ImportReport disk;
    static Map<String, String> diskFiles;

    @BeforeAll
    static void load() throws Exception {
        server = S3TestServer.start();
        trail = new TrailGenerator(spec()).generate(dir.resolve("trail"));
        server.uploadTrail(trail.root(), BUCKET, "");
        location = S3Location.parse("s3://" + BUCKET + "/audit");
        try (Case c = Case.open(dir.resolve("disk"))) {
            disk = c.importPath(trail.root(), SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
            diskFiles = byRelativePath(c, trail.root().toAbsolutePath() + "/");
        }
    }

    /** Two accounts, two regions, two days: a few hundred objects, digests and Insights included. */
    static TrailSpec spec() {
        return TrailSpec.builder().seed(42).accounts(List.of(ACCOUNT_A, ACCOUNT_B)).orgId(ORG)
                .regions(List.of("us-east-1", "eu-west-1")).homeRegion("us-east-1").trailName("org-trail")
                .bucket(BUCKET).prefix("audit").start(Instant.parse("2025-03-06T00:00:00Z")).days(2)
                .eventsPerDay(60).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static ImportReport importS3(Path caseDir, S3Location from, S3Selection selection, AwsSettings settings)
            throws IOException {
        try (Case c = Case.open(caseDir)) {
            return new S3Import(settings).run(c, from, selection, ImportListener.SILENT, n -> { }, Cancellation.none());
        }
    }

    @Test
    void rebuildReadsEachObjectInItsRecordedVersionAndLeavesOutOneReplacedSince() throws Exception {
        Path small = dir.resolve("small-trail");
        for (int hour = 1; hour <= 3; hour++) {
            org.trailworkbench.testing.TrailFiles.writeLog(small, "us-east-1", "20240514T0" + hour + "00Z", List.of(
                    org.trailworkbench.testing.TrailFiles.Event.of("h" + hour + "a", "2024-05-14T0" + hour + ":00:00Z", "GetObject"),
                    org.trailworkbench.testing.TrailFiles.Event.of("h" + hour + "b", "2024-05-14T0" + hour + ":01:00Z", "PutObject")));
        }
        server.uploadTrail(small, "rebuild-trail", ""); // a bucket of its own: the other tests share theirs
        Path caseDir = dir.resolve("s3-rebuild");
        ImportReport first = importS3(caseDir, S3Location.parse("s3://rebuild-trail"), S3Selection.ALL, server.settings());
        assertThat(first.count(FileStatus.IMPORTED)).isEqualTo(3);
        org.trailworkbench.casefile.FileRecord replaced;
        try (Case c = Case.open(caseDir)) {
            replaced = c.manifest().files().stream().filter(f -> f.status() == FileStatus.IMPORTED && f.events() > 0)
                    .findFirst().orElseThrow();
        }
        S3Location object = S3Location.parse(replaced.id());
        server.client().putObject(b -> b.bucket(object.bucket()).key(object.prefix()),
                software.amazon.awssdk.core.sync.RequestBody.fromString("{\"Records\":[]}"));
        try (var index = java.nio.file.Files.list(caseDir.resolve("index"))) {
            for (Path segments : index.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                java.nio.file.Files.delete(segments);
            }
        }

        org.trailworkbench.casefile.RebuildReport rebuilt;
        try (ManifestSources sources = new ManifestSources(server.settings())) {
            rebuilt = new org.trailworkbench.casefile.CaseRebuild(caseDir, sources, sources.workers(caseDir))
                    .run(ImportListener.SILENT, Cancellation.none());
        }

        assertThat(rebuilt.leftOut()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(replaced.id());
            assertThat(l.reason()).contains("changed since it was imported (its ETag is no longer " + replaced.etag());
        });
        assertThat(rebuilt.reread().eventsRead()).isEqualTo(first.eventsRead() - replaced.events());
        assertThat(rebuilt.reread().problems()).extracting(o -> o.record().id()).containsExactly(replaced.id());
        try (Case c = Case.open(caseDir)) {
            assertThat(c.manifest().get(replaced.id()).orElseThrow().status()).isEqualTo(FileStatus.FAILED);
        }
    }

    @Test
    void aFullImportEqualsTheImportOfTheSameTrailFromDisk() throws IOException {
        ImportReport s3 = importS3(dir.resolve("s3-full"), S3Location.parse("s3://" + BUCKET), S3Selection.ALL,
                server.settings());
        Map<String, String> s3Files;
        try (Case c = Case.open(dir.resolve("s3-full"))) {
            s3Files = byRelativePath(c, "s3://" + BUCKET + "/");
            assertThat(c.manifest().files()).allSatisfy(f -> assertThat(f.etag()).isNotBlank());
        }
        assertThat(s3.eventsAfter()).isEqualTo(disk.eventsAfter()).isPositive();
        assertThat(s3.eventsRead()).isEqualTo(disk.eventsRead());
        for (FileStatus status : FileStatus.values()) {
            assertThat(s3.count(status)).as("%s files", status).isEqualTo(disk.count(status));
        }
        assertThat(s3.count(FileStatus.DIGEST)).isEqualTo(trail.counts().digests());
        assertThat(s3.problems()).isEmpty();
        assertThat(s3Files).isEqualTo(diskFiles);
    }

    /** relative path -> sha256, events, status, kind: the same bytes read the same way. */
    private static Map<String, String> byRelativePath(Case c, String root) {
        Map<String, String> files = new TreeMap<>();
        for (FileRecord f : c.manifest().files()) {
            files.put(f.id().substring(root.length()), f.sha256() + " " + f.events() + " " + f.status() + " " + f.kind());
        }
        return files;
    }

    @Test
    void aReRunFetchesNothingAndAChangedObjectIsReported() throws IOException {
        Path caseDir = dir.resolve("s3-incremental");
        ImportReport first = importS3(caseDir, location, S3Selection.ALL, server.settings());
        assertThat(first.count(FileStatus.IMPORTED)).isPositive();

        ImportReport again = importS3(caseDir, location, S3Selection.ALL, server.settings());
        assertThat(again.unchanged()).isEqualTo(first.files().size());
        assertThat(again.bytesRead()).as("nothing fetched").isZero();
        assertThat(again.newEvents()).isZero();

        String key = "audit/AWSLogs/" + ORG + "/" + ACCOUNT_A + "/CloudTrail/us-east-1/2025/03/06/"
                + ACCOUNT_A + "_CloudTrail_us-east-1_20250306T2355Z_Replaced00000000.json.gz";
        try (S3Client s3 = server.client()) {
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(TrailFiles.gzip(TrailFiles.logFile(
                    List.of(TrailFiles.Event.of("added-1", "2025-03-06T23:50:00Z", "GetObject"))))));
            ImportReport withNew = importS3(caseDir, location, S3Selection.ALL, server.settings());
            assertThat(withNew.newEvents()).isEqualTo(1);
            assertThat(withNew.count(FileStatus.IMPORTED)).isEqualTo(1);

            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(TrailFiles.gzip(TrailFiles.logFile(List.of(
                    TrailFiles.Event.of("added-1", "2025-03-06T23:50:00Z", "GetObject"),
                    TrailFiles.Event.of("added-2", "2025-03-06T23:51:00Z", "PutObject"))))));
            ImportReport changed = importS3(caseDir, location, S3Selection.ALL, server.settings());
            assertThat(changed.changed()).extracting(o -> o.record().id()).containsExactly("s3://" + BUCKET + "/" + key);
            assertThat(changed.newEvents()).isEqualTo(1);
            assertThat(changed.unchanged()).isEqualTo(first.files().size());
        } finally {
            try (S3Client s3 = server.client()) {
                s3.deleteObject(b -> b.bucket(BUCKET).key(key));
            }
        }
    }

    @Test
    void filtersNarrowTheListingToTheirPrefixes() throws IOException {
        SourceFilter filter = new SourceFilter(Set.of(ACCOUNT_A), Set.of("eu-west-1"), LocalDate.of(2025, 3, 7),
                LocalDate.of(2025, 3, 7));
        ImportReport diskFiltered;
        try (Case c = Case.open(dir.resolve("disk-filtered"))) {
            diskFiltered = c.importPath(trail.root(), filter, ImportListener.SILENT, Cancellation.none());
        }
        // nothing outside the selection may even be listed: these prefixes refuse every listing
        server.failLists("audit/AWSLogs/" + ORG + "/" + ACCOUNT_B, S3TestServer.Fault.ACCESS_DENIED);
        server.failLists("audit/AWSLogs/" + ORG + "/" + ACCOUNT_A + "/CloudTrail/us-east-1", S3TestServer.Fault.ACCESS_DENIED);
        server.failLists("audit/AWSLogs/" + ORG + "/" + ACCOUNT_A + "/CloudTrail/eu-west-1/2025/03/06", S3TestServer.Fault.ACCESS_DENIED);
        try {
            ImportReport s3 = importS3(dir.resolve("s3-filtered"), location, S3Selection.of(filter), server.settings());
            assertThat(s3.skipped()).isEmpty();
            assertThat(s3.files()).isNotEmpty().allSatisfy(f -> assertThat(f.record().id())
                    .contains("/" + ACCOUNT_A + "/").contains("/eu-west-1/2025/03/07/"));
            assertThat(s3.files()).hasSize(diskFiltered.files().size());
            assertThat(s3.eventsAfter()).isEqualTo(diskFiltered.eventsAfter());

            S3Selection digestsOnly = new S3Selection(filter, Set.of(ORG), Set.of(FileKind.DIGEST));
            ImportReport digests = importS3(dir.resolve("s3-digests"), location, digestsOnly, server.settings());
            assertThat(digests.files()).hasSize(24).allSatisfy(f -> assertThat(f.record().status()).isEqualTo(FileStatus.DIGEST));

            S3Selection otherOrg = new S3Selection(SourceFilter.ALL, Set.of("o-zzzzzzzzzz"), Set.of());
            assertThat(importS3(dir.resolve("s3-other-org"), S3Location.parse("s3://" + BUCKET + "/audit/"), otherOrg,
                    server.settings()).files()).isEmpty();
        } finally {
            server.clearFaults();
        }
    }

    @Test
    void objectsThatCannotBeReadAreReportedAndTheOthersImported() throws IOException {
        String denied = "audit/AWSLogs/" + ORG + "/" + ACCOUNT_B + "/CloudTrail/us-east-1/2025/03/06/";
        String archived = "audit/AWSLogs/" + ORG + "/" + ACCOUNT_B + "/CloudTrail/eu-west-1/2025/03/06/";
        server.failGets(denied, S3TestServer.Fault.ACCESS_DENIED);
        server.failGets(archived, S3TestServer.Fault.ARCHIVED);
        server.failLists("audit/AWSLogs/" + ORG + "/" + ACCOUNT_B + "/CloudTrail-Insight/", S3TestServer.Fault.ACCESS_DENIED);
        Path caseDir = dir.resolve("s3-denied");
        ImportReport partial;
        try {
            partial = importS3(caseDir, location, S3Selection.ALL, server.settings());
        } finally {
            server.clearFaults();
        }
        List<FileOutcome> failed = partial.problems();
        assertThat(failed).isNotEmpty().allSatisfy(f -> assertThat(f.record().status()).isEqualTo(FileStatus.FAILED));
        assertThat(failed).filteredOn(f -> f.record().id().contains(denied)).isNotEmpty().allSatisfy(f ->
                assertThat(f.record().reason()).contains("access denied reading " + f.record().id()));
        assertThat(failed).filteredOn(f -> f.record().id().contains(archived)).isNotEmpty().allSatisfy(f ->
                assertThat(f.record().reason()).contains(f.record().id() + " is archived"));
        assertThat(partial.count(FileStatus.IMPORTED)).isPositive();
        assertThat(partial.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("s3://" + BUCKET + "/audit/AWSLogs/" + ORG + "/" + ACCOUNT_B + "/CloudTrail-Insight/");
            assertThat(s.reason()).startsWith("access denied listing");
        });

        ImportReport rest = importS3(caseDir, location, S3Selection.ALL, server.settings());
        assertThat(rest.problems()).isEmpty();
        assertThat(rest.count(FileStatus.IMPORTED)).isGreaterThanOrEqualTo(failed.size());
        assertThat(rest.eventsAfter()).isEqualTo(disk.eventsAfter());
    }

    @Test
    void aConnectionDroppedMidObjectResumesWhereItStopped() throws Exception {
        List<TrailFiles.Event> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(TrailFiles.Event.of(String.format("big-%04d", i), "2025-03-06T12:00:00Z", "GetObject").by("user" + i));
        }
        byte[] big = TrailFiles.gzip(TrailFiles.logFile(events));
        assertThat(big.length).isGreaterThan(5_000);
        String key = "big/AWSLogs/" + ACCOUNT_A + "/CloudTrail/us-east-1/2025/03/06/"
                + ACCOUNT_A + "_CloudTrail_us-east-1_20250306T1205Z_BigFile000000000.json.gz";
        try (S3Client s3 = server.client()) {
            S3TestServer.createBucket(s3, "big-objects");
            s3.putObject(b -> b.bucket("big-objects").key(key), RequestBody.fromBytes(big));
        }
        try (DroppingProxy proxy = new DroppingProxy(server.endpoint(), "BigFile", 3_000, 2)) {
            ImportReport report = importS3(dir.resolve("s3-dropped"), S3Location.parse("s3://big-objects/big"),
                    S3Selection.ALL, server.settings(proxy.endpoint()));
            assertThat(proxy.dropped()).isEqualTo(2);
            assertThat(report.problems()).isEmpty();
            assertThat(report.eventsRead()).isEqualTo(400);
            assertThat(report.eventsAfter()).isEqualTo(400);
            assertThat(report.bytesRead()).isEqualTo(big.length);
        }
    }

    @Test
    void cancellingKeepsWhatWasFinishedAndTheNextRunReadsTheRest() throws IOException {
        Path caseDir = dir.resolve("s3-cancel");
        Cancellation cancel = new Cancellation();
        AtomicLong finished = new AtomicLong();
        ImportReport stopped;
        try (Case c = Case.open(caseDir)) {
            stopped = new S3Import(server.settings().withConcurrency(2)).run(c, location, S3Selection.ALL, new ImportListener() {
                @Override
                public void fileFinished(FileOutcome outcome) {
                    if (finished.incrementAndGet() == 5) {
                        cancel.cancel();
                    }
                }
            }, n -> { }, cancel);
        }
        assertThat(stopped.cancelled()).isTrue();
        ImportReport rest = importS3(caseDir, location, S3Selection.ALL, server.settings());
        assertThat(rest.cancelled()).isFalse();
        assertThat(rest.unchanged()).isGreaterThanOrEqualTo(5).isLessThan(rest.files().size());
        assertThat(rest.eventsAfter()).isEqualTo(disk.eventsAfter());
    }

    @Test
    void aMissingBucketOrADeniedLocationStopsTheImportWithAMessage() {
        assertThatThrownBy(() -> importS3(dir.resolve("s3-nobucket"), S3Location.parse("s3://no-such-trail-bucket/x"),
                S3Selection.ALL, server.settings()))
                .isInstanceOf(S3Failure.class).hasMessageContaining("no such bucket: no-such-trail-bucket");
        server.failLists("audit/", S3TestServer.Fault.ACCESS_DENIED);
        try {
            assertThatThrownBy(() -> importS3(dir.resolve("s3-nolist"), location, S3Selection.ALL, server.settings()))
                    .isInstanceOf(S3Failure.class)
                    .hasMessage("access denied listing s3://" + BUCKET + "/audit/: the credentials need s3:ListBucket on the bucket");
        } finally {
            server.clearFaults();
        }
    }
}

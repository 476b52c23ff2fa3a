package org.trailworkbench.s3;

import org.trailworkbench.integrity.EvidenceSource;
import org.trailworkbench.integrity.PublicKeys;
import org.trailworkbench.task.Cancellation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trail's bucket and prefix in S3 as the integrity verification reads it: keys are the objects' full keys, so a digest must be exactly where it
 * says (bucket and key), as the AWS CLI requires. Signatures come from each digest's user metadata
 * ({@code x-amz-meta-signature}), public keys from CloudTrail's ListPublicKeys in each digest region, or
 * from a saved {@code list-public-keys} file.
 */
public final class S3Source implements EvidenceSource, AutoCloseable {
    private final S3Location location;
    private final AwsSettings settings;
    private final Path keysFile;
    private final S3Client s3;
    private final S3Lister lister;
    private final S3Reader reader;
    private final Map<String, S3Object> listed = new ConcurrentHashMap<>();

    private S3Source(S3Location location, AwsSettings settings, Path keysFile, S3Client s3) {
        this.location = location;
        this.settings = settings;
        this.keysFile = keysFile;
        this.s3 = s3;
        this.lister = new S3Lister(s3, settings.profile());
        this.reader = new S3Reader(s3, settings.profile(), 5);
    }

    /**
     * @param keysFile {@code list-public-keys} output to use instead of calling ListPublicKeys, or null
     * @throws S3Failure when the bucket cannot be reached
     */
    public static S3Source open(S3Location location, AwsSettings settings, Path keysFile) throws S3Failure {
        return new S3Source(location, settings, keysFile, AwsClients.s3ForBucket(settings, location.bucket()));
    }

    /** Reading from S3 waits on the network far more than on the cores: as many threads as fetches at once. */
    public int threads() {
        return Math.max(Runtime.getRuntime().availableProcessors(), settings.concurrency());
    }

    @Override
    public String describe() {
        return location.toString();
    }

    @Override
    public List<EvidenceObject> list(Cancellation cancellation) throws IOException {
        List<EvidenceObject> objects = new ArrayList<>();
        lister.objects(location.bucket(), location.folderPrefix(), cancellation, o -> {
            listed.put(o.key(), o);
            objects.add(new EvidenceObject(o.key(), o.size()));
        });
        return objects;
    }

    @Override
    public InputStream open(String key) throws IOException {
        S3Object object = listed.get(key);
        if (object == null) {
            throw new NoSuchFileException(location(key), null, "not in the listing");
        }
        try {
            return reader.open(object);
        } catch (S3Failure e) {
            if (e.reason() == S3Failure.Reason.NO_SUCH_KEY) {
                throw new NoSuchFileException(location(key), null, "deleted since it was listed");
            }
            throw e;
        }
    }

    @Override
    public Optional<SignatureMetadata> signature(String digestKey) throws IOException {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(location.bucket()).key(digestKey));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot read the metadata of " + location(digestKey) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read the metadata of " + location(digestKey) + ": " + e.getMessage(), e);
        }
        Map<String, String> metadata = head.metadata();
        String signature = metadata.get("signature");
        if (signature == null) {
            return Optional.empty();
        }
        return Optional.of(new SignatureMetadata(signature, metadata.get("signature-algorithm")));
    }

    @Override
    public PublicKeys publicKeys(Set<String> regions, Instant from, Instant to) throws IOException {
        if (keysFile != null) {
            try (InputStream in = Files.newInputStream(keysFile)) {
                return PublicKeys.parse(in, keysFile.toString());
            }
        }
        if (regions.isEmpty()) {
            return PublicKeys.none("no digests, so no region to ask ListPublicKeys in");
        }
        List<PublicKeys.Entry> entries = new ArrayList<>();
        for (String region : regions) {
            try (CloudTrailClient cloudTrail = AwsClients.cloudTrail(settings, region)) {
                String token = null;
                do {
                    String next = token;
                    ListPublicKeysResponse page = cloudTrail.listPublicKeys(b -> b.startTime(from).endTime(to).nextToken(next));
                    for (PublicKey key : page.publicKeyList()) {
                        entries.add(PublicKeys.entry(key.fingerprint(), key.value().asByteArray(),
                                key.validityStartTime(), key.validityEndTime()));
                    }
                    token = page.nextToken();
                } while (token != null && !token.isEmpty());
            } catch (SdkException e) {
                throw new IOException("ListPublicKeys in " + region + " failed: " + e.getMessage()
                        + " (or give the keys with --public-keys FILE)", e);
            }
        }
        return PublicKeys.of(entries, "ListPublicKeys in " + String.join(", ", regions));
    }

    @Override
    public String location(String key) {
        return "s3://" + location.bucket() + "/" + key;
    }

    @Override
    public String bucket() {
        return location.bucket();
    }

    @Override
    public void close() {
        s3.close();
    }
}

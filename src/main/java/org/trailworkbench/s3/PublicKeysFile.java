package org.trailworkbench.s3;

import org.trailworkbench.files.AtomicFiles;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code public-keys.json}: the CloudTrail {@code ListPublicKeys} answer for the regions and time range of
 * the downloaded digests, in the shape {@code aws cloudtrail list-public-keys} prints, so that a folder
 * verifies offline later (see docs/EVIDENCE-FOLDER.md).
 */
public final class PublicKeysFile {

    public static final String FILE_NAME = "public-keys.json";
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private PublicKeysFile() {
    }

    /**
     * Asks each region for its keys of {@code [start, end)} and writes them, one entry per fingerprint.
     *
     * @return the number of keys written
     * @throws S3Failure naming the region when a call fails (no permission for cloudtrail:ListPublicKeys, say)
     */
    public static int fetchAndWrite(AwsSettings settings, Set<String> regions, Instant start, Instant end, Path folder)
            throws IOException {
        Map<String, PublicKey> byFingerprint = new TreeMap<>();
        for (String region : new java.util.TreeSet<>(regions)) {
            try (CloudTrailClient cloudTrail = AwsClients.cloudTrail(settings, region)) {
                String token = null;
                do {
                    String next = token;
                    ListPublicKeysResponse page = cloudTrail.listPublicKeys(b -> b.startTime(start).endTime(end).nextToken(next));
                    page.publicKeyList().forEach(k -> byFingerprint.putIfAbsent(k.fingerprint(), k));
                    token = page.nextToken();
                } while (token != null && !token.isEmpty());
            } catch (SdkException e) {
                throw new S3Failure(reason(e), null, null, "CloudTrail ListPublicKeys in " + region + " failed ("
                        + describe(e) + "): public-keys.json was not written; the credentials need cloudtrail:ListPublicKeys", e);
            }
        }
        write(folder, new ArrayList<>(byFingerprint.values()));
        return byFingerprint.size();
    }

    private static S3Failure.Reason reason(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
            if (code.contains("AccessDenied") || code.contains("Unauthorized") || service.statusCode() == 403) {
                return S3Failure.Reason.ACCESS_DENIED;
            }
            if (code.contains("ExpiredToken")) {
                return S3Failure.Reason.SSO_EXPIRED;
            }
            return service.isThrottlingException() ? S3Failure.Reason.THROTTLED : S3Failure.Reason.OTHER;
        }
        return S3Errors.translate(e, "calling", "cloudtrail", null, null).reason();
    }

    private static String describe(SdkException e) {
        S3Failure.Reason reason = reason(e);
        return switch (reason) {
            case ACCESS_DENIED -> "access denied";
            case SSO_EXPIRED -> "the credentials have expired";
            case THROTTLED -> "throttled after every retry";
            case NO_CREDENTIALS -> "no AWS credentials found";
            case CONNECTION -> "cannot reach CloudTrail: " + e.getMessage();
            default -> e instanceof AwsServiceException service && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage()
                    : String.valueOf(e.getMessage());
        };
    }

    static void write(Path folder, List<PublicKey> keys) throws IOException {
        List<Map<String, String>> list = new ArrayList<>();
        for (PublicKey key : keys) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("Value", Base64.getEncoder().encodeToString(key.value().asByteArray()));
            entry.put("ValidityStartTime", cliTime(key.validityStartTime()));
            entry.put("ValidityEndTime", cliTime(key.validityEndTime()));
            entry.put("Fingerprint", key.fingerprint());
            list.add(entry);
        }
        DefaultPrettyPrinter fourSpaces = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        String text = JsonMapper.builder().build().writer(fourSpaces).writeValueAsString(Map.of("PublicKeyList", list));
        AtomicFiles.write(folder.resolve(FILE_NAME), (text.replace("\" : ", "\": ") + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String cliTime(Instant instant) {
        return instant == null ? null : CLI_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}

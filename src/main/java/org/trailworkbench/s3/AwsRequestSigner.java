package org.trailworkbench.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Signature Version 4 for requests to Amazon OpenSearch Service ({@code es}) or OpenSearch Serverless
 * ({@code aoss}), with the credentials of {@link AwsSettings} (the SDK's default chain, or a named profile).
 * Signs the host, the time and the SHA-256 of the body (sent as {@code x-amz-content-sha256}, which Serverless
 * requires), and nothing else, so a proxy that adds or rewrites other headers does not break the signature.
 */
public final class AwsRequestSigner {

    /** The signing names of the two services. */
    public static final List<String> SERVICES = List.of("es", "aoss");

    /** {@code search-x.eu-west-1.es.amazonaws.com}, {@code id.us-east-1.aoss.amazonaws.com} */
    private static final Pattern AWS_HOST = Pattern.compile(".*\\.([a-z0-9-]+)\\.(es|aoss)\\.amazonaws\\.com(\\.cn)?$");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String service;

    private AwsRequestSigner(AwsCredentialsProvider credentials, String region, String service) {
        this.credentials = credentials;
        this.region = region;
        this.service = service;
    }

    /**
     * @param service {@code es}, {@code aoss}, or null to take it from an AWS host name (else {@code es})
     * @param host    the cluster's host: an AWS endpoint names its region and service
     * @throws IllegalArgumentException for an unknown service, or when no region is found anywhere
     */
    public static AwsRequestSigner forCluster(AwsSettings settings, String service, String host) {
        Matcher aws = AWS_HOST.matcher(host.toLowerCase(java.util.Locale.ROOT));
        String name = service != null ? service : aws.matches() ? aws.group(2) : "es";
        if (!SERVICES.contains(name)) {
            throw new IllegalArgumentException("the service to sign for is es (OpenSearch Service) or aoss (Serverless), not " + name);
        }
        String region = settings.region() != null ? settings.region() : aws.matches() ? aws.group(1) : configuredRegion(settings);
        if (region == null) {
            throw new IllegalArgumentException("no AWS region to sign for " + host + ": give --aws-region REGION");
        }
        return new AwsRequestSigner(AwsClients.credentials(settings), region, name);
    }

    /** The profile's region, else AWS_REGION and the rest of the SDK's chain; null when none names one. */
    private static String configuredRegion(AwsSettings settings) {
        try {
            var region = settings.profile() != null
                    ? new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, settings.profile()).getRegion()
                    : DefaultAwsRegionProviderChain.builder().build().getRegion();
            return region == null ? null : region.id();
        } catch (SdkException none) {
            return null;
        }
    }

    public String region() {
        return region;
    }

    public String service() {
        return service;
    }

    /** The headers that sign this request; see {@code remote.RequestSigner}. */
    public Map<String, String> sign(String method, URI uri, byte[] body) throws IOException {
        String bodyHash = BinaryUtils.toHex(sha256(body));
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(uri)
                .putHeader("x-amz-content-sha256", bodyHash)
                .build();
        SdkHttpRequest signed;
        try {
            signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
        } catch (SdkException e) {
            // no credentials anywhere in the chain, an expired SSO session, a profile that does not exist
            throw new IOException("AWS credentials: " + e.getMessage(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        // the host exactly as signed: a client would otherwise send host:443 where the signer left the port out
        headers.putIfAbsent("Host", SdkHttpUtils.isUsingStandardPort(signed.protocol(), signed.port())
                ? signed.host() : signed.host() + ":" + signed.port());
        return headers;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AWS SigV4 (" + service + ", " + region + ")"; // never the credentials
    }
}

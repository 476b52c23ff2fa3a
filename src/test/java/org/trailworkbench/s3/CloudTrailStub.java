package org.trailworkbench.s3;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.trailworkbench.generate.TrailKeys;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The CloudTrail API on loopback, answering ListPublicKeys (AWS JSON 1.1 over HTTP, as the SDK speaks it)
 * with a generated trail's signing key, as CloudTrail would with a region's keys.
 */
final class CloudTrailStub implements AutoCloseable {

    private static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListPublicKeys";
    private final WireMockServer server;

    CloudTrailStub() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Answers with the key, split over two pages so that paging is exercised. */
    void answer(TrailKeys keys) {
        server.resetAll();
        String key = "{\"Value\":\"" + keys.publicKeyBase64() + "\",\"ValidityStartTime\":" + keys.validityStart().getEpochSecond()
                + ",\"ValidityEndTime\":" + keys.validityEnd().getEpochSecond() + ",\"Fingerprint\":\"" + keys.fingerprint() + "\"}";
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(containing("\"NextToken\":\"page-2\""))
                .atPriority(1)
                .willReturn(json(200, "{\"PublicKeyList\":[" + key + "]}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .atPriority(2)
                .willReturn(json(200, "{\"PublicKeyList\":[],\"NextToken\":\"page-2\"}")));
    }

    /** Refuses every call, as CloudTrail does for credentials without cloudtrail:ListPublicKeys. */
    void deny() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/")).willReturn(json(400,
                "{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform: cloudtrail:ListPublicKeys\"}")));
    }

    int calls() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))).size();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}

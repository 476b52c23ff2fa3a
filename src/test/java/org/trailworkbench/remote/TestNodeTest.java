package org.trailworkbench.remote;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TestNodeTest {

    @Test
    void aRealNodeAnswersOverHttp() throws Exception {
        String url = TestNode.get().url();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"number\" : \"2.19.6\"");
    }
}

package org.trailworkbench.s3;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsRequestSignerTest {

    private static final AwsSettings ANY = AwsSettings.defaults();

    @Test
    void anAwsHostNamesItsRegionAndService() {
        AwsRequestSigner domain = AwsRequestSigner.forCluster(ANY, null, "search-acme-abc123.eu-west-1.es.amazonaws.com");
        assertThat(domain.region()).isEqualTo("eu-west-1");
        assertThat(domain.service()).isEqualTo("es");
        AwsRequestSigner serverless = AwsRequestSigner.forCluster(ANY, null, "k2x9.us-east-2.aoss.amazonaws.com");
        assertThat(serverless.region()).isEqualTo("us-east-2");
        assertThat(serverless.service()).isEqualTo("aoss");
    }

    @Test
    void theOptionsWinOverTheHost() {
        AwsRequestSigner signer = AwsRequestSigner.forCluster(ANY.withRegion("ap-south-1"), "aoss",
                "search-acme-abc123.eu-west-1.es.amazonaws.com");
        assertThat(signer.region()).isEqualTo("ap-south-1");
        assertThat(signer.service()).isEqualTo("aoss");
    }

    @Test
    void onlyTheTwoOpenSearchServicesAreSignedFor() {
        assertThatThrownBy(() -> AwsRequestSigner.forCluster(ANY.withRegion("eu-west-1"), "s3", "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("es (OpenSearch Service) or aoss");
    }
}

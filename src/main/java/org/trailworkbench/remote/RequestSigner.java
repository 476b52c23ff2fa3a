package org.trailworkbench.remote;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Signs each request to a cluster, e.g. with AWS SigV4 for Amazon OpenSearch Service (package s3, the one that
 * talks to AWS). Kept to plain types so that this package needs no AWS class and the signer no OpenSearch one.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * @param method the HTTP method
     * @param uri    the request's full URL as it goes on the wire (scheme, host, port, encoded path and query)
     * @param body   the request body, empty when there is none; a bulk body is signed by its hash too
     * @return the headers to send with the request (they replace any of the same name), Host included
     * @throws IOException when there is nothing to sign with (no credentials found), in words
     */
    Map<String, String> sign(String method, URI uri, byte[] body) throws IOException;
}

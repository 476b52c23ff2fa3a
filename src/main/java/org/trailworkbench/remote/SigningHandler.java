package org.trailworkbench.remote;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Signs every request just before it goes on the wire, after the client's own headers and retries: the body
 * (which the OpenSearch client always holds in memory) is read once, hashed by the signer and sent as the same
 * bytes. A request interceptor would not do: it never sees the body.
 */
final class SigningHandler implements AsyncExecChainHandler {

    private final RequestSigner signer;

    SigningHandler(RequestSigner signer) {
        this.signer = signer;
    }

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entity, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        byte[] body = entity == null ? new byte[0] : drain(entity);
        URI uri;
        try {
            uri = request.getUri();
        } catch (URISyntaxException e) {
            throw new IOException("cannot sign a request to " + request.getRequestUri() + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> header : signer.sign(request.getMethod(), uri, body).entrySet()) {
            request.setHeader(header.getKey(), header.getValue());
        }
        AsyncEntityProducer same = entity == null ? null : new BasicAsyncEntityProducer(body,
                entity.getContentType() == null ? null : ContentType.parse(entity.getContentType()));
        chain.proceed(request, same, scope, callback);
    }

    /** The whole body: the client's producers hand an in-memory body over in one pass. */
    private static byte[] drain(AsyncEntityProducer entity) throws IOException {
        Collector collector = new Collector();
        while (!collector.ended) {
            entity.produce(collector);
        }
        return collector.bytes.toByteArray();
    }

    private static final class Collector implements DataStreamChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ended;

        @Override
        public void requestOutput() {
            // always ready: everything is taken at once
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            byte[] chunk = new byte[n];
            src.get(chunk);
            bytes.write(chunk, 0, n);
            return n;
        }

        @Override
        public void endStream() {
            ended = true;
        }

        @Override
        public void endStream(List<? extends Header> trailers) {
            ended = true;
        }
    }
}

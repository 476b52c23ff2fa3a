package org.trailworkbench.s3;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one object, streamed as they arrive. When the connection drops part-way (a reset, a
 * timeout, a body shorter than announced) the stream asks again for the rest with a byte range and goes
 * on, so the parser reading it never sees the break and no event is read twice. The SDK's retries cannot
 * do this: they end once the response has started.
 */
public final class ObjectStream extends InputStream {

    private final S3Reader reader;
    private final S3Object object;
    private final GetObjectResponse first;
    private final long length;
    private ResponseInputStream<GetObjectResponse> current;
    private long position;
    private int resumes;

    ObjectStream(S3Reader reader, S3Object object, ResponseInputStream<GetObjectResponse> opened) {
        this.reader = reader;
        this.object = object;
        this.current = opened;
        this.first = opened.response();
        this.length = first.contentLength() == null ? object.size() : first.contentLength();
    }

    /** The response headers of the first request: user metadata, version id, last modified. */
    public GetObjectResponse response() {
        return first;
    }

    /** How often the connection dropped and the read went on from where it stopped. */
    public int resumes() {
        return resumes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            IOException dropped;
            try {
                int n = current.read(b, off, len);
                if (n > 0) {
                    position += n;
                    return n;
                }
                if (n < 0 && position >= length) {
                    return -1;
                }
                dropped = new IOException("the body ended after " + position + " of " + length + " bytes");
            } catch (IOException e) {
                if (position >= length) {
                    throw e;
                }
                dropped = e;
            }
            resume(dropped);
        }
    }

    private void resume(IOException cause) throws IOException {
        if (resumes >= reader.maxResumes()) {
            throw new S3Failure(S3Failure.Reason.CONNECTION, object.bucket(), object.key(),
                    "the connection dropped " + (resumes + 1) + " times while reading " + object.uri() + " (at byte "
                            + position + " of " + length + "): " + cause.getMessage(), cause);
        }
        resumes++;
        current.abort();
        try {
            Thread.sleep(Math.min(5_000, 100L << Math.min(resumes, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while resuming " + object.uri());
        }
        current = reader.get(object, position);
    }

    @Override
    public void close() throws IOException {
        if (position < length) {
            current.abort(); // closing would drain the rest of the body just to reuse the connection
        }
        current.close();
    }
}

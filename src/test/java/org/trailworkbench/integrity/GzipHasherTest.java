package org.trailworkbench.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

class GzipHasherTest {
    static final byte[] CONTENT = "{\"Records\":[{\"eventName\":\"GetObject\"}]}".repeat(2000).getBytes(StandardCharsets.UTF_8);
    static final String CONTENT_SHA = GzipHasher.hex(GzipHasher.sha256().digest(CONTENT));

    static GzipHasher.Result hash(byte[] file) throws IOException {
        try (GzipHasher h = new GzipHasher()) {
            return h.hash(new ByteArrayInputStream(file), null);
        }
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void hashesTheContentAndTheStoredBytes() throws IOException {
        byte[] gz = gzip(CONTENT);
        GzipHasher.Result r = hash(gz);
        assertThat(r.outcome()).isEqualTo(GzipHasher.Outcome.OK);
        assertThat(r.contentSha256()).isEqualTo(CONTENT_SHA);
        assertThat(r.contentBytes()).isEqualTo(CONTENT.length);
        assertThat(r.fileSha256()).isEqualTo(GzipHasher.hex(GzipHasher.sha256().digest(gz)));
        assertThat(r.fileBytes()).isEqualTo(gz.length);
    }

    @Test
    void readsHeadersWithANameAndAComment() throws IOException {
        byte[] gz = gzip(CONTENT);
        byte[] header = {0x1f, (byte) 0x8b, 8, 8 | 16, 0, 0, 0, 0, 0, 3, 'a', '.', 'j', 's', 'o', 'n', 0, 'h', 'i', 0};
        byte[] named = concat(header, Arrays.copyOfRange(gz, 10, gz.length));
        GzipHasher.Result r = hash(named);
        assertThat(r.outcome()).isEqualTo(GzipHasher.Outcome.OK);
        assertThat(r.contentSha256()).isEqualTo(CONTENT_SHA);
    }

    @Test
    void tellsEachKindOfDamageApart() throws IOException {
        byte[] gz = gzip(CONTENT);
        assertThat(hash(new byte[0]).outcome()).isEqualTo(GzipHasher.Outcome.NOT_GZIP);
        assertThat(hash(CONTENT).outcome()).isEqualTo(GzipHasher.Outcome.NOT_GZIP);
        assertThat(hash(Arrays.copyOf(gz, 5)).outcome()).isEqualTo(GzipHasher.Outcome.TRUNCATED);
        assertThat(hash(Arrays.copyOf(gz, gz.length / 2)).outcome()).isEqualTo(GzipHasher.Outcome.TRUNCATED);
        assertThat(hash(Arrays.copyOf(gz, gz.length - 8)).outcome()).isEqualTo(GzipHasher.Outcome.TRAILER_MISSING);
        assertThat(hash(Arrays.copyOf(gz, gz.length - 3)).outcome()).isEqualTo(GzipHasher.Outcome.TRAILER_MISSING);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        assertThat(hash(badCrc).outcome()).isEqualTo(GzipHasher.Outcome.TRAILER_MISMATCH);
        GzipHasher.Result extra = hash(concat(gz, gzip("more".getBytes(StandardCharsets.UTF_8))));
        assertThat(extra.outcome()).isEqualTo(GzipHasher.Outcome.EXTRA_MEMBER);
        assertThat(extra.contentSha256()).isEqualTo(CONTENT_SHA);
        assertThat(hash(concat(gz, new byte[]{0, 0, 0})).outcome()).isEqualTo(GzipHasher.Outcome.DATA_AFTER);
        byte[] corrupt = gz.clone();
        for (int i = 12; i < 40; i++) {
            corrupt[i] = (byte) 0xff;
        }
        assertThat(hash(corrupt).outcome()).isIn(GzipHasher.Outcome.CORRUPT, GzipHasher.Outcome.TRUNCATED);
    }

    @Test
    void survivesAStreamThatHandsOutOneByteAtATime() throws IOException {
        byte[] gz = gzip(CONTENT);
        InputStream trickle = new ByteArrayInputStream(gz) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (GzipHasher h = new GzipHasher()) {
            GzipHasher.Result r = h.hash(trickle, null);
            assertThat(r.outcome()).isEqualTo(GzipHasher.Outcome.OK);
            assertThat(r.contentSha256()).isEqualTo(CONTENT_SHA);
            // and the same hasher is reusable for the next file
            assertThat(h.hash(new ByteArrayInputStream(gz), null).contentSha256()).isEqualTo(CONTENT_SHA);
        }
    }
}

package org.trailworkbench.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One {@code .json.gz} being written: the caller streams JSON into {@link #json()}, which hashes and counts
 * the uncompressed bytes on their way into gzip. The hash is what a digest lists (CloudTrail hashes the
 * uncompressed content).
 *
 * <p>The gzip framing is written here rather than by {@code GZIPOutputStream} for two reasons: a
 * {@link Deflater} costs about as much to create as a small file costs to compress, so a unit of work
 * reuses one for all its files; and the header is fixed (mtime 0, no name, OS 255) whatever the JDK.
 */
final class GzipJsonFile implements AutoCloseable {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final OutputStream file;
    private final Deflater deflater;
    private final boolean ownsDeflater;
    private final Json json = new Json();
    private final byte[] buffer = new byte[BUFFER];
    private final CRC32 crc = new CRC32();
    private final MessageDigest sha256;
    private long count;
    private String hash;
    private boolean closed;

    /** With a deflater of its own, released on close. */
    GzipJsonFile(Path path) throws IOException {
        this(path, new Deflater(Deflater.DEFAULT_COMPRESSION, true), true);
    }

    /** With a raw ({@code nowrap}) deflater the caller reuses across files and ends itself. */
    GzipJsonFile(Path path, Deflater deflater) throws IOException {
        this(path, deflater, false);
    }

    private GzipJsonFile(Path path, Deflater deflater, boolean ownsDeflater) throws IOException {
        this.path = path;
        this.deflater = deflater;
        this.ownsDeflater = ownsDeflater;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        deflater.reset();
        Files.createDirectories(path.getParent());
        this.file = new BufferedOutputStream(Files.newOutputStream(path), BUFFER);
        file.write(HEADER);
    }

    /** Where the JSON goes. Closing it does nothing; close this object instead. */
    OutputStream json() {
        return json;
    }

    /** Hex SHA-256 of the uncompressed bytes; valid after {@link #close}. */
    String sha256Hex() {
        if (!closed) {
            throw new IllegalStateException("the file is still open");
        }
        return hash;
    }

    long jsonBytes() {
        return count;
    }

    long gzipBytes() throws IOException {
        return Files.size(path);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
            writeIntLe((int) crc.getValue());
            writeIntLe((int) count); // ISIZE is the length modulo 2^32
            hash = HexFormat.of().formatHex(sha256.digest());
        } finally {
            if (ownsDeflater) {
                deflater.end();
            }
        }
    }

    /** Writes the whole file from bytes already in memory (digests), returning the hex SHA-256 of them. */
    static String write(Path path, byte[] json) throws IOException {
        GzipJsonFile file = new GzipJsonFile(path);
        try (file) {
            file.json().write(json);
        }
        return file.sha256Hex();
    }

    private void drain() throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
        if (n > 0) {
            file.write(buffer, 0, n);
        }
    }

    private void writeIntLe(int v) throws IOException {
        file.write(v);
        file.write(v >>> 8);
        file.write(v >>> 16);
        file.write(v >>> 24);
    }

    private final class Json extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the file is closed");
            }
            sha256.update(b, off, len);
            crc.update(b, off, len);
            count += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain();
            }
        }
    }
}

package org.trailworkbench.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a gzip file once and hashes both its stored bytes and the content of its first member, which is
 * what CloudTrail hashed. The framing is parsed here rather than by {@code GZIPInputStream} because what
 * surrounds that member matters for evidence: {@code GZIPInputStream} silently reads on into a second
 * member (events an importer would take in but no digest covers) and silently ignores bytes after the
 * stream, while the AWS CLI's zlib reader ignores both and accepts a file whose trailer is gone. Here
 * each of those is an {@link Outcome} of its own.
 *
 * <p>One instance per thread: it reuses its buffers and inflater across files.
 */
final class GzipHasher implements AutoCloseable {
    private static final int BUFFER = 1 << 16;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    enum Outcome {
        OK, NOT_GZIP, CORRUPT, TRUNCATED, TRAILER_MISSING, TRAILER_MISMATCH, DATA_AFTER, EXTRA_MEMBER
    }

    /**
     * @param contentSha256 hex SHA-256 of the first member's content as far as it could be inflated
     * @param fileSha256    hex SHA-256 of every stored byte
     * @param detail        what was wrong, in words; null when OK
     */
    record Result(Outcome outcome, String contentSha256, long contentBytes, String fileSha256, long fileBytes,
                  String detail) {
    }

    private final byte[] in = new byte[BUFFER];
    private final byte[] out = new byte[BUFFER];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final MessageDigest content = sha256();
    private final MessageDigest raw = sha256();
    private InputStream stream;
    private int pos;
    private int limit;
    private long fileBytes;
    private boolean eof;

    /**
     * Hashes {@code source} to its end (it is not closed). {@code copy}, when not null, receives the
     * inflated content too (digests are parsed after hashing).
     */
    Result hash(InputStream source, OutputStream copy) throws IOException {
        stream = source;
        pos = 0;
        limit = 0;
        fileBytes = 0;
        eof = false;
        content.reset();
        raw.reset();
        crc.reset();
        inflater.reset();
        long[] inflated = {0};
        Outcome outcome;
        String detail;
        try {
            String headerProblem = header();
            if (headerProblem != null) {
                outcome = headerProblem.startsWith("ends") ? Outcome.TRUNCATED : Outcome.NOT_GZIP;
                detail = headerProblem;
            } else if (!inflate(copy, inflated)) {
                outcome = Outcome.TRUNCATED;
                detail = "the gzip stream ends inside the compressed data, after " + offset() + " bytes";
            } else {
                String[] trailer = trailer(inflated[0]);
                outcome = trailer == null ? Outcome.OK : Outcome.valueOf(trailer[0]);
                detail = trailer == null ? null : trailer[1];
            }
        } catch (DataFormatException e) {
            outcome = Outcome.CORRUPT;
            detail = "the compressed data is corrupt at byte " + offset() + ": " + e.getMessage();
        }
        drain();
        return new Result(outcome, hex(content.digest()), inflated[0], hex(raw.digest()), fileBytes, detail);
    }

    /** Returns null when the header is sound, else the problem. */
    private String header() throws IOException {
        int b1 = read();
        int b2 = read();
        if (b1 < 0 || b2 < 0) {
            return b1 < 0 ? "empty file: not gzip" : "not gzip: one byte long";
        }
        if (b1 != 0x1f || b2 != 0x8b) {
            return "not gzip: the file does not start with the gzip signature";
        }
        int method = read();
        int flags = read();
        if (method >= 0 && method != 8) {
            return "not gzip: unknown compression method " + method;
        }
        if (!skip(6) || flags < 0) {
            return "ends inside the gzip header";
        }
        if ((flags & FEXTRA) != 0) {
            int lo = read();
            int hi = read();
            if (hi < 0 || !skip(lo | hi << 8)) {
                return "ends inside the gzip header";
            }
        }
        if ((flags & FNAME) != 0 && !skipZeroTerminated() || (flags & FCOMMENT) != 0 && !skipZeroTerminated()) {
            return "ends inside the gzip header";
        }
        if ((flags & FHCRC) != 0 && !skip(2)) {
            return "ends inside the gzip header";
        }
        return null;
    }

    /** Inflates the first member; false when the input ends before the deflate stream does. */
    private boolean inflate(OutputStream copy, long[] inflated) throws IOException, DataFormatException {
        while (!inflater.finished()) {
            if (inflater.needsInput()) {
                if (pos >= limit && !fill()) {
                    return false;
                }
                inflater.setInput(in, pos, limit - pos);
                pos = limit;
            }
            int n = inflater.inflate(out);
            if (n > 0) {
                content.update(out, 0, n);
                crc.update(out, 0, n);
                inflated[0] += n;
                if (copy != null) {
                    copy.write(out, 0, n);
                }
            } else if (inflater.needsDictionary()) {
                throw new DataFormatException("a preset dictionary is required");
            }
        }
        pos = limit - inflater.getRemaining();
        return true;
    }

    /** Null when the trailer matches and nothing follows it; else {outcome name, detail}. */
    private String[] trailer(long inflated) throws IOException {
        byte[] t = new byte[8];
        int got = 0;
        while (got < 8) {
            int b = read();
            if (b < 0) {
                break;
            }
            t[got++] = (byte) b;
        }
        if (got < 8) {
            return new String[]{"TRAILER_MISSING", got == 0
                    ? "the file ends right after the compressed data: no CRC-32 and length trailer"
                    : "the gzip trailer is cut short (" + got + " of 8 bytes)"};
        }
        long storedCrc = le32(t, 0);
        long storedSize = le32(t, 4);
        if (storedCrc != crc.getValue() || storedSize != (inflated & 0xffffffffL)) {
            return new String[]{"TRAILER_MISMATCH", "the gzip trailer does not match the content (CRC-32 "
                    + Long.toHexString(storedCrc) + ", computed " + Long.toHexString(crc.getValue()) + ")"};
        }
        long end = offset();
        int next = read();
        if (next < 0) {
            return null;
        }
        int second = read();
        drain();
        long extra = fileBytes - end;
        if (next == 0x1f && second == 0x8b) {
            return new String[]{"EXTRA_MEMBER", "a second gzip member of " + extra + " bytes follows the first"
                    + " (readers such as GZIPInputStream would read it; no digest covers it)"};
        }
        return new String[]{"DATA_AFTER", extra + " bytes follow the end of the gzip stream"};
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = stream.read(in, 0, in.length);
        while (n == 0) {
            n = stream.read(in, 0, in.length);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        raw.update(in, 0, n);
        fileBytes += n;
        pos = 0;
        limit = n;
        return true;
    }

    private int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return in[pos++] & 0xff;
    }

    private boolean skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (read() < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean skipZeroTerminated() throws IOException {
        int b;
        do {
            b = read();
        } while (b > 0);
        return b == 0;
    }

    /** Reads what is left so the file hash covers every byte. */
    private void drain() throws IOException {
        pos = limit;
        while (fill()) {
            pos = limit;
        }
    }

    /** Bytes of the file consumed so far. */
    private long offset() {
        return fileBytes - (limit - pos);
    }

    @Override
    public void close() {
        inflater.end();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

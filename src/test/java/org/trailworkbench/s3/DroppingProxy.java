package org.trailworkbench.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a server that cuts the connection in the middle of a response: the
 * next {@code drops} GETs whose request line contains {@code marker} see their connection closed after
 * {@code cutAfter} bytes of the response (headers included). Everything else passes through untouched,
 * so signatures stay valid and the client sees a real reset, not a mocked one.
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final URI upstream;
    private final String marker;
    private final int cutAfter;
    private final AtomicInteger dropsLeft;
    private final AtomicInteger dropped = new AtomicInteger();

    DroppingProxy(URI upstream, String marker, int cutAfter, int drops) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstream = upstream;
        this.marker = marker;
        this.cutAfter = cutAfter;
        this.dropsLeft = new AtomicInteger(drops);
        Thread acceptor = new Thread(this::accept, "dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How many responses were cut so far. */
    int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket origin = new Socket();
                origin.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
                Connection c = new Connection(client, origin);
                start(c::requests);
                start(c::responses);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread t = new Thread(pump, "dropping-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private final class Connection {
        private final Socket client;
        private final Socket origin;
        /** Bytes of the current response still allowed through; negative means no limit. */
        private volatile long budget = -1;

        Connection(Socket client, Socket origin) {
            this.client = client;
            this.origin = origin;
        }

        void requests() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = origin.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String text = new String(buffer, 0, Math.min(n, 2048), StandardCharsets.ISO_8859_1);
                    // the SDK never pipelines: the next response bytes belong to this request
                    if (text.startsWith("GET ") && text.substring(0, text.indexOf('\n') + 1).contains(marker)
                            && dropsLeft.getAndDecrement() > 0) {
                        budget = cutAfter;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away
            } finally {
                closeBoth();
            }
        }

        void responses() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = origin.getInputStream(); OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    long left = budget;
                    if (left >= 0 && n >= left) {
                        out.write(buffer, 0, (int) left);
                        out.flush();
                        dropped.incrementAndGet();
                        client.setSoLinger(true, 0); // a reset, as a dying load balancer sends
                        return;
                    }
                    if (left >= 0) {
                        budget = left - n;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away
            } finally {
                closeBoth();
            }
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                origin.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}

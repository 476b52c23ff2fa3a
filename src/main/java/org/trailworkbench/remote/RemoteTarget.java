package org.trailworkbench.remote;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a remote case lives: {@code opensearch://host:9200/index} (plain HTTP), {@code opensearchs://...} or
 * {@code https://...} (TLS), {@code http://...}. The index may be a pattern or an alias for searching.
 *
 * @param user     basic-auth user, or null for none
 * @param password basic-auth password
 */
public record RemoteTarget(String scheme, String host, int port, String index, String user, String password) {

    public RemoteTarget {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("a remote case names its index: opensearch://host:9200/INDEX");
        }
    }

    /** Whether {@code text} names a remote case rather than a folder. */
    public static boolean isRemote(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("opensearch://") || lower.startsWith("opensearchs://")
                || lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Parses the URL form; credentials come from the caller (options or environment), never the URL. */
    public static RemoteTarget parse(String text, String user, String password) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(text + " is not a URL: " + e.getReason());
        }
        String scheme = switch (String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT)) {
            case "opensearch", "http" -> "http";
            case "opensearchs", "https" -> "https";
            default -> throw new IllegalArgumentException(text + ": use opensearch://, opensearchs://, http:// or https://");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(text + " names no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) && uri.getScheme().startsWith("http") ? 443 : 9200;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (path.contains("/")) {
            throw new IllegalArgumentException(text + ": the path is the index name, one segment");
        }
        return new RemoteTarget(scheme, uri.getHost(), port, path, user, password);
    }

    /** The cluster's base URL, for messages. */
    public String baseUrl() {
        return scheme + "://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return baseUrl() + "/" + index; // never the password
    }
}

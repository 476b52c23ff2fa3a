package org.trailworkbench.remote;

import org.opensearch.client.opensearch._types.OpenSearchException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** A cluster that cannot be reached or refuses: one line naming the URL and the reason. */
public final class RemoteFailure extends IOException {

    public RemoteFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Says in words what went wrong talking to {@code target}. */
    static RemoteFailure of(RemoteTarget target, Exception e) {
        return new RemoteFailure(target + ": " + reason(e), e);
    }

    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                // the HTTP client says "Connect to http://h:p [/ip] failed: Connection refused": the URL is named already
                String message = firstLine(t.getMessage());
                int reason = message.lastIndexOf("failed: ");
                return "cannot connect (" + (reason < 0 ? message : message.substring(reason + 8)) + ")";
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "no answer in time (" + firstLine(t.getMessage()) + "): the cluster is overloaded or does not "
                        + "speak HTTP there; --timeout SECONDS waits longer";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + firstLine(t.getMessage());
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS failed: " + firstLine(t.getMessage());
            }
            if (t instanceof OpenSearchException o) {
                return status(o.status()) + firstLine(o.error() == null ? o.getMessage() : o.error().reason());
            }
        }
        String message = firstLine(e.getMessage());
        var status = java.util.regex.Pattern.compile("[Ss]tatus(?: code)?:? ?(\\d{3})").matcher(message);
        if (status.find()) {
            return status(Integer.parseInt(status.group(1))) + message;
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("unauthorized")) {
            return status(401) + message; // the client reports a bare 401 by its body alone
        }
        if (message.equals("Forbidden access")) {
            // the client's words for any 403; Amazon OpenSearch Service says why in its body's "message"
            return status(403) + awsMessage(e).orElse(message);
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static java.util.Optional<String> awsMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            var found = AWS_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (found.find()) {
                return java.util.Optional.of(found.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern AWS_MESSAGE = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"([^\"]+)\"");

    private static String status(int code) {
        return switch (code) {
            case 401 -> "401 Unauthorized: check the user name and password (or AWS credentials); ";
            case 403 -> "403 Forbidden: the user or AWS identity may not use this index, or the AWS signature was "
                    + "refused (check the AWS credentials, --aws-region and --aws-service); ";
            case 404 -> "404 Not Found: no such index; ";
            default -> code + ": ";
        };
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }
}

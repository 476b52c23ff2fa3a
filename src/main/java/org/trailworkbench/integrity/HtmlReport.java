package org.trailworkbench.integrity;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML page an auditor can file: scope, time range, key fingerprints, the summary per
 * verdict, the SHA-256 of the evidence set and how to recompute it, and every file with its verdict.
 * No scripts, no external styles: it reads the same in ten years.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(VerificationReport r, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Integrity verification: ");
        out.write(esc(r.source()));
        out.write("</title>\n<style>body{font:14px/1.4 sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
                + "code,.mono{font-family:monospace;word-break:break-all}.VALID{color:#060}.INVALID,.UNVERIFIED{color:#b00;"
                + "font-weight:bold}.NOTICE{color:#850}.PENDING{color:#666}</style></head><body>\n");
        out.write("<h1>CloudTrail integrity verification</h1>\n<table>\n");
        row(out, "Evidence", "<code>" + esc(r.source()) + "</code>");
        row(out, "Result", r.cancelled() ? "<span class=\"INVALID\">CANCELLED: incomplete</span>"
                : r.allValid() ? "<span class=\"VALID\">every digest and log file is valid</span>"
                : "<span class=\"INVALID\">" + r.failures().size() + " problems</span>");
        row(out, "Accounts", r.scope().accounts().isEmpty() ? "all" : esc(String.join(", ", r.scope().accounts())));
        row(out, "Regions", r.scope().regions().isEmpty() ? "all" : esc(String.join(", ", r.scope().regions())));
        row(out, "Time range requested", (r.scope().from() == null ? "beginning" : r.scope().from().toString()) + " to "
                + (r.scope().to() == null ? "end" : r.scope().to().toString()));
        row(out, "Time range found", r.coveredFrom() == null ? "no valid digest" : r.coveredFrom() + " to " + r.coveredTo());
        row(out, "Public keys used (fingerprints)", r.fingerprints().isEmpty() ? "none"
                : "<code>" + esc(String.join(", ", r.fingerprints())) + "</code>");
        if (r.keysProblem() != null) {
            row(out, "Public keys problem", esc(r.keysProblem()));
        }
        row(out, "Verified at", r.started() + " (" + r.elapsed().toMillis() + " ms)");
        row(out, "SHA-256 of the evidence set", "<code>" + r.evidenceSha256() + "</code><br>the SHA-256 of the lines "
                + "<code>&lt;SHA-256 of the file&gt;&nbsp;&nbsp;&lt;path&gt;</code> of every file below that was read, "
                + "sorted by path in byte order: in the evidence folder, <code>find . -type f ! -name '*.metadata.json' "
                + "! -name public-keys.json -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum</code> "
                + "gives it for an unfiltered run");
        out.write("</table>\n<h2>Summary</h2>\n<table><tr><th>files</th><th>verdict</th></tr>\n");
        Map<String, Long> counts = new TreeMap<>();
        r.counts().forEach((v, n) -> counts.put(v.ordinal() + " " + v.name(), n));
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Verdict v = Verdict.valueOf(e.getKey().substring(e.getKey().indexOf(' ') + 1));
            out.write("<tr><td>" + e.getValue() + "</td><td class=\"" + v.category() + "\">" + esc(v.label()) + "</td></tr>\n");
        }
        out.write("</table>\n<h2>Files</h2>\n<table><tr><th>kind</th><th>file</th><th>verdict</th><th>reason</th>"
                + "<th>covering digest</th><th>SHA-256 of the file</th></tr>\n");
        for (VerificationItem i : r.items()) {
            out.write("<tr><td>" + esc(i.kind().label()) + "</td><td class=\"mono\">" + esc(i.key()) + "</td><td class=\""
                    + i.verdict().category() + "\">" + esc(i.verdict().words()) + "</td><td>" + esc(i.reason())
                    + "</td><td class=\"mono\">" + esc(i.coveringDigest()) + "</td><td class=\"mono\">"
                    + esc(i.fileSha256()) + "</td></tr>\n");
        }
        out.write("</table>\n</body></html>\n");
        out.flush();
    }

    private static void row(Writer out, String name, String html) throws IOException {
        out.write("<tr><th>" + esc(name) + "</th><td>" + html + "</td></tr>\n");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
            }
        }
        return b.toString();
    }
}

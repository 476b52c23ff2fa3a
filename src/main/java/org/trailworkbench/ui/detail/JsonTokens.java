package org.trailworkbench.ui.detail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A record pretty-printed as a list of coloured pieces. Values know their field path (array elements
 * share their parent's, as in the index), so the detail view can turn any of them into a filter.
 */
public final class JsonTokens {

    public enum Kind { KEY, STRING, NUMBER, LITERAL, PUNCTUATION }

    /** @param path the field path of a value, null for keys and punctuation; @param value its raw text */
    public record Piece(Kind kind, String text, String path, String value) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String INDENT = "  ";

    private JsonTokens() {
    }

    public static List<Piece> of(String json) throws IOException {
        List<Piece> out = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != null) {
                value(parser, first, null, 0, out);
            }
        }
        return out;
    }

    private static void value(JsonParser p, JsonToken token, String path, int depth, List<Piece> out) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                punct(out, "{");
                boolean first = true;
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    punct(out, (first ? "" : ",") + "\n" + INDENT.repeat(depth + 1));
                    first = false;
                    String name = p.currentName();
                    out.add(new Piece(Kind.KEY, quote(name), null, null));
                    punct(out, ": ");
                    value(p, p.nextToken(), path == null ? name : path + "." + name, depth + 1, out);
                }
                punct(out, first ? "}" : "\n" + INDENT.repeat(depth) + "}");
            }
            case START_ARRAY -> {
                punct(out, "[");
                boolean first = true;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    punct(out, (first ? "" : ",") + "\n" + INDENT.repeat(depth + 1));
                    first = false;
                    value(p, t, path, depth + 1, out);
                }
                punct(out, first ? "]" : "\n" + INDENT.repeat(depth) + "]");
            }
            case VALUE_STRING -> out.add(new Piece(Kind.STRING, quote(p.getText()), path, p.getText()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.add(new Piece(Kind.NUMBER, p.getText(), path, p.getText()));
            case VALUE_TRUE, VALUE_FALSE -> out.add(new Piece(Kind.LITERAL, p.getText(), path, p.getText()));
            case VALUE_NULL -> out.add(new Piece(Kind.LITERAL, "null", null, null));
            default -> throw new IOException("unexpected " + token + " in the record");
        }
    }

    private static void punct(List<Piece> out, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == Kind.PUNCTUATION) {
            Piece last = out.remove(out.size() - 1);
            out.add(new Piece(Kind.PUNCTUATION, last.text() + text, null, null));
        } else {
            out.add(new Piece(Kind.PUNCTUATION, text, null, null));
        }
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}

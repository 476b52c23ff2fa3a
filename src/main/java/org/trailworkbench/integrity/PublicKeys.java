package org.trailworkbench.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys CloudTrail signs digests with, as {@code aws cloudtrail list-public-keys} returns them: base64
 * DER PKCS#1 {@code RSAPublicKey}s, each with a fingerprint (hex MD5 of the DER) and a validity window.
 * Keys are looked up by the fingerprint the digest names, as the AWS CLI does.
 */
public final class PublicKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Entry>> byFingerprint;
    private final String origin;
    private final String problem;

    /** One listed key: parsed, or with the reason it could not be. */
    public record Entry(String fingerprint, RSAKeyParameters key, Instant validFrom, Instant validTo,
                        String loadError) {
        boolean covers(Instant at) {
            return (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
        }
    }

    /** What looking a key up found: a closed set the digest check turns into verdicts. */
    public sealed interface Lookup {
        record Found(Entry entry) implements Lookup {
        }

        record NotFound(String why) implements Lookup {
        }

        record OutsideValidity(List<Entry> entries) implements Lookup {
        }

        record Unloadable(String why) implements Lookup {
        }
    }

    private PublicKeys(Map<String, List<Entry>> byFingerprint, String origin, String problem) {
        this.byFingerprint = byFingerprint;
        this.origin = origin;
        this.problem = problem;
    }

    /** No keys at all, with the reason every digest will repeat. */
    public static PublicKeys none(String problem) {
        return new PublicKeys(Map.of(), null, problem);
    }

    /** Reads {@code list-public-keys} output ({@code {"PublicKeyList":[...]}}); a bad entry is kept as unloadable. */
    public static PublicKeys parse(InputStream in, String origin) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return none("the public keys in " + origin + " are not JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : root.get("PublicKeyList");
        if (list == null || !list.isArray()) {
            return none("the public keys in " + origin + " have no PublicKeyList (expected the output of"
                    + " `aws cloudtrail list-public-keys`)");
        }
        Map<String, List<Entry>> keys = new LinkedHashMap<>();
        for (JsonNode item : list) {
            String fingerprint = item.path("Fingerprint").asText("").toLowerCase(java.util.Locale.ROOT);
            Entry entry = entry(fingerprint, item);
            keys.computeIfAbsent(fingerprint, f -> new ArrayList<>()).add(entry);
        }
        return new PublicKeys(keys, origin, keys.isEmpty() ? "the public key list in " + origin + " is empty" : null);
    }

    private static Entry entry(String fingerprint, JsonNode item) {
        Instant from = time(item.get("ValidityStartTime"));
        Instant to = time(item.get("ValidityEndTime"));
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(item.path("Value").asText(""));
        } catch (IllegalArgumentException notBase64) {
            return new Entry(fingerprint, null, from, to, "Value is not base64");
        }
        return entry(fingerprint, der, from, to);
    }

    /** Keys as the SDK returns them (ListPublicKeys): DER bytes, fingerprint, validity window. */
    public static PublicKeys of(List<Entry> entries, String origin) {
        Map<String, List<Entry>> keys = new LinkedHashMap<>();
        for (Entry e : entries) {
            keys.computeIfAbsent(e.fingerprint(), f -> new ArrayList<>()).add(e);
        }
        return new PublicKeys(keys, origin, keys.isEmpty() ? "ListPublicKeys returned no keys (" + origin + ")" : null);
    }

    /** One key from its PKCS#1 DER bytes; kept as unloadable when they are not an RSA key. */
    public static Entry entry(String fingerprint, byte[] der, Instant from, Instant to) {
        String f = fingerprint == null ? "" : fingerprint.toLowerCase(java.util.Locale.ROOT);
        try {
            RSAPublicKey pkcs1 = RSAPublicKey.getInstance(der);
            return new Entry(f, new RSAKeyParameters(false, pkcs1.getModulus(), pkcs1.getPublicExponent()), from, to, null);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return new Entry(f, null, from, to, e.getMessage() == null ? "not a PKCS#1 RSA key" : e.getMessage());
        }
    }

    /** The CLI prints ISO times with an offset; the raw API JSON has epoch seconds. */
    private static Instant time(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** The key with this fingerprint that was valid at {@code at} (the digest's end time). */
    public Lookup find(String fingerprint, Instant at) {
        List<Entry> entries = fingerprint == null ? null : byFingerprint.get(fingerprint.toLowerCase(java.util.Locale.ROOT));
        if (entries == null) {
            return new Lookup.NotFound(problem != null ? problem
                    : "no key with fingerprint " + fingerprint + " in " + origin);
        }
        List<Entry> inWindow = entries.stream().filter(e -> at == null || e.covers(at)).toList();
        if (inWindow.isEmpty()) {
            return new Lookup.OutsideValidity(entries);
        }
        for (Entry e : inWindow) {
            if (e.key() != null) {
                return new Lookup.Found(e);
            }
        }
        return new Lookup.Unloadable(inWindow.get(0).loadError());
    }

    /** Why there are no usable keys at all, or null. */
    public String problem() {
        return problem;
    }
}

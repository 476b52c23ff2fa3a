package org.trailworkbench.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensearch.client.opensearch.generic.Requests;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a remote case without changing it: the index's health as the cluster sees it, its events against the
 * events its manifest says were read, and the schema of the index template the tool wrote. The cluster keeps
 * the index itself sound; what can go wrong here is a missing shard, an import that did not finish, or an
 * index written by a version of the tool whose mapping differs.
 */
public final class RemoteCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param health         green, yellow or red
     * @param templateSchema the schema of the index template in the cluster, or null when it has none
     * @param schema         the schema this version writes
     */
    public record Report(String health, long events, RemoteCase.Files manifest, String templateSchema, String schema,
                         List<String> problems, List<String> notes) {

        public boolean healthy() {
            return problems.isEmpty();
        }

        public String advice(String url) {
            return healthy() ? "nothing to do"
                    : "import the source files again into a new index: trail-workbench import LOGS --case "
                    + url.substring(0, url.lastIndexOf('/') + 1) + "NEW-INDEX";
        }
    }

    private RemoteCheck() {
    }

    static Report run(RemoteCase remote) throws RemoteFailure {
        remote.requireIndex();
        String index = remote.target().index();
        String health;
        long events;
        try {
            health = remote.client().cluster().health(h -> h.index(index)).status().jsonValue()
                    .toLowerCase(Locale.ROOT);
            events = remote.client().count(c -> c.index(index)).count();
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
        RemoteCase.Files manifest = remote.files();
        String templateSchema = templateSchema(remote);
        String schema = schemaWritten();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (health.equals("red")) {
            problems.add("the index is red: some of its primary shards are not allocated, so some events cannot be found");
        } else if (health.equals("yellow")) {
            notes.add("the index is yellow: replicas are not allocated (normal on a one-node cluster)");
        }
        if (templateSchema == null) {
            problems.add("no index template " + remote.templateName() + ": the index was not written by Trail Workbench "
                    + "(or the template was deleted), so queries may not find what they should");
        } else if (!templateSchema.equals(schema)) {
            problems.add("the index template has schema " + templateSchema + ", this version writes schema " + schema
                    + ": queries may not find what they should");
        }
        if (manifest.count() == 0) {
            notes.add("the manifest " + remote.manifestIndex() + " lists no files: an import into this index never finished a file");
        } else if (events > manifest.events()) {
            notes.add((events - manifest.events()) + " more events in the index than the manifest's files hold: an import "
                    + "was interrupted inside a file (running it again records it)");
        } else if (events < manifest.events()) {
            notes.add((manifest.events() - events) + " fewer events in the index than read from its files: normal when "
                    + "CloudTrail delivered some events twice (each is stored once)");
        }
        return new Report(health, events, manifest, templateSchema, schema, problems, notes);
    }

    private static String templateSchema(RemoteCase remote) throws RemoteFailure {
        try (var response = remote.client().generic().execute(Requests.builder().method("GET")
                .endpoint("/_index_template/" + remote.templateName()).build())) {
            if (response.getStatus() == 404) {
                return null;
            }
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("");
            if (response.getStatus() >= 300) {
                throw new IOException("status " + response.getStatus() + " " + body);
            }
            JsonNode schema = JSON.readTree(body).path("index_templates").path(0).path("index_template")
                    .path("_meta").path("schema");
            return schema.isMissingNode() || schema.isNull() ? null : schema.asText();
        } catch (Exception e) {
            throw RemoteFailure.of(remote.target(), e);
        }
    }

    /** The schema of the template this version writes. */
    static String schemaWritten() {
        try (InputStream in = RemoteCheck.class.getResourceAsStream("index-template.json")) {
            return JSON.readTree(in.readAllBytes()).path("_meta").path("schema").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the index template is part of the jar", e);
        }
    }
}

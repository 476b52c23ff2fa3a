package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * Everything an {@link Api.Body} may draw on while one event is written. One instance per unit of work,
 * re-filled for each event, so writing an event allocates little.
 */
final class Call {
    final AccountModel account;
    final String region;
    JsonGenerator g;
    Rng r;
    long time;
    Api api;
    Caller caller;
    /** Set by S3 request bodies, read back for resources and the TLS host. */
    String s3Bucket;
    String s3Key;

    Call(AccountModel account, String region) {
        this.account = account;
        this.region = region;
    }

    /** The caller's ARN as an error message names it (the session ARN for a role). */
    String callerArn() {
        return caller.arn();
    }

    String instance() {
        return account.instance(region, r);
    }

    String bucket() {
        return account.buckets.get(r.nextInt(account.buckets.size() - 1)); // not the trail's own bucket
    }

    String kmsKeyArn() {
        return "arn:aws:kms:" + region + ":" + account.id + ":key/" + account.kmsKey(region, r.nextInt(3));
    }

    String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account.id + ":" + resource;
    }

    void field(String name, String value) throws IOException {
        g.writeStringField(name, value);
    }

    void field(String name, long value) throws IOException {
        g.writeNumberField(name, value);
    }

    void field(String name, boolean value) throws IOException {
        g.writeBooleanField(name, value);
    }

    void object(String name) throws IOException {
        g.writeObjectFieldStart(name);
    }

    void array(String name) throws IOException {
        g.writeArrayFieldStart(name);
    }

    void end() throws IOException {
        g.writeEndObject();
    }

    void endArray() throws IOException {
        g.writeEndArray();
    }

    /** {@code "name":{"items":[{"key":value}...]}}, EC2's list wrapping. */
    void items(String name, String key, String... values) throws IOException {
        object(name);
        array("items");
        for (String value : values) {
            g.writeStartObject();
            field(key, value);
            end();
        }
        endArray();
        end();
    }
}

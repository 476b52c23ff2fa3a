package org.trailworkbench.generate;

import java.io.IOException;
import java.util.List;

/**
 * One API as the generator knows it: how often people and automation call it, and how to write its
 * requestParameters, responseElements, resources and additionalEventData. Null bodies are written as
 * JSON null (requestParameters, responseElements) or left out (resources, additionalEventData).
 *
 * @param global     logged only in us-east-1 (IAM, STS global endpoint, sign-in, Organizations)
 * @param data       an S3 data event (eventCategory Data, managementEvent false)
 * @param invokedBy  AWS services that make some of the automation calls ({@code type: AWSService})
 * @param serviceShare the share of automation calls they make
 * @param role       when automation calls it, the caller is this role (by name)
 * @param action     the IAM action, for AccessDenied messages
 * @param cliCommand what {@code aws} would print in {@code md/command#}
 */
record Api(String source, String name, boolean readOnly, double humanWeight, double automationWeight,
           boolean global, boolean data, String eventType, List<String> invokedBy, double serviceShare, String role, String version,
           Body request, Body response, Body resources, Body additional, List<Failure> errors, double errorRate,
           String action, String cliCommand) {

    /** Writes one JSON value (or fields, for bodies written into an open object) for a call. */
    @FunctionalInterface
    interface Body {
        void write(Call c) throws IOException;
    }

    /** An error code with its message; the message can name the caller or resource. */
    record Failure(String code, Message message) {
    }

    @FunctionalInterface
    interface Message {
        String of(Call c);
    }

    String service() {
        return source.substring(0, source.indexOf('.'));
    }

    /** The host a client sends in TLS SNI, as tlsDetails.clientProvidedHostHeader shows it. */
    String host(String region) {
        String service = service();
        if (global) {
            return service.equals("signin") ? "signin.aws.amazon.com" : service + ".amazonaws.com";
        }
        return service + "." + region + ".amazonaws.com";
    }
}

package org.trailworkbench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fluent way to write the API tables; {@link #build} fills in what follows from the name. */
final class ApiDef {
    private static final String[] VERSIONS = {"1.08", "1.08", "1.09", "1.09", "1.09", "1.10", "1.10", "1.11"};

    private final String source;
    private final String name;
    private boolean readOnly = true;
    private double human;
    private double automation;
    private boolean global;
    private boolean data;
    private String eventType = "AwsApiCall";
    private List<String> invokedBy = List.of();
    private double serviceShare;
    private String role;
    private Api.Body request;
    private Api.Body response;
    private Api.Body resources;
    private Api.Body additional;
    private final List<Api.Failure> errors = new ArrayList<>();
    private double errorRate;
    private String action;

    private ApiDef(String source, String name) {
        this.source = source;
        this.name = name;
    }

    static ApiDef api(String service, String name) {
        return new ApiDef(service + ".amazonaws.com", name);
    }

    /** A read call made {@code human} times by people for every {@code automation} times by workloads. */
    ApiDef read(double human, double automation) {
        this.readOnly = true;
        this.human = human;
        this.automation = automation;
        return this;
    }

    ApiDef write(double human, double automation) {
        this.readOnly = false;
        this.human = human;
        this.automation = automation;
        return this;
    }

    ApiDef global() {
        global = true;
        return this;
    }

    ApiDef data() {
        data = true;
        return this;
    }

    ApiDef type(String value) {
        eventType = value;
        return this;
    }

    /** A share of automation calls comes from these AWS services ({@code type: AWSService}). */
    ApiDef by(double share, String... services) {
        serviceShare = share;
        invokedBy = List.of(services);
        return this;
    }

    ApiDef role(String value) {
        role = value;
        return this;
    }

    ApiDef action(String value) {
        action = value;
        return this;
    }

    ApiDef req(Api.Body body) {
        request = body;
        return this;
    }

    ApiDef res(Api.Body body) {
        response = body;
        return this;
    }

    ApiDef resources(Api.Body body) {
        resources = body;
        return this;
    }

    ApiDef extra(Api.Body body) {
        additional = body;
        return this;
    }

    /** Fails with {@code code} in {@code rate} of calls; several errs share their rates. */
    ApiDef err(double rate, String code, Api.Message message) {
        errors.add(new Api.Failure(code, message));
        errorRate += rate;
        return this;
    }

    ApiDef err(double rate, String code, String message) {
        return err(rate, code, c -> message);
    }

    Api build() {
        String service = source.substring(0, source.indexOf('.'));
        String bare = name.replaceAll("20\\d{6}(v\\d)?$", ""); // Lambda's versioned names: ListFunctions20150331
        String iamPrefix = switch (service) {
            case "monitoring" -> "cloudwatch";
            case "signin" -> "signin";
            default -> service;
        };
        String cli = service + "." + bare.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        // Each API keeps one eventVersion, as each AWS service moves its events forward on its own.
        String version = VERSIONS[(int) Math.floorMod(Rng.hash(source + name), (long) VERSIONS.length)];
        return new Api(source, name, readOnly, human, automation, global, data, eventType, invokedBy, serviceShare, role, version,
                request, response, resources, additional, List.copyOf(errors), errorRate,
                action != null ? action : iamPrefix + ":" + bare, cli);
    }
}

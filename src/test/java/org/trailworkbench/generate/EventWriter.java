package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/**
 * Writes one CloudTrail record, in CloudTrail's own field order, as a pure function of a {@link Planned}
 * event: the same plan always gives the same bytes.
 */
final class EventWriter {
    /** People try what they may not more often than workloads do; workloads get throttled instead. */
    private static final double PERSON_DENIED = 0.03;
    private static final double AUTOMATION_DENIED = 0.008;
    private static final double AUTOMATION_THROTTLED = 0.005;
    private static final double LOGIN_FAILURE = 0.05;

    private final AccountModel account;
    private final String region;
    private final ApiTable table;
    private final List<SpikePlan> spikes;
    private final Callers callers;
    private final Call call;

    EventWriter(AccountModel account, String region, ApiTable table, List<SpikePlan> spikes) {
        this.account = account;
        this.region = region;
        this.table = table;
        this.spikes = spikes;
        this.callers = new Callers(account);
        this.call = new Call(account, region);
    }

    void write(JsonGenerator g, Planned event) throws IOException {
        Rng r = new Rng(event.seed());
        long t = event.time();
        Api api;
        Caller caller;
        boolean denied;
        boolean throttled = false;
        if (event.kind() >= 0) {
            SpikePlan spike = spikes.get(event.kind());
            api = spike.api();
            caller = callers.spike(spike, t);
            denied = spike.failing();
        } else {
            boolean byPerson = event.kind() == Planned.PERSON;
            api = table.pick(byPerson, r);
            caller = signIn(api) ? callers.signIn(r) : serviceEvent(api) ? null : callers.pick(api, byPerson, r, t);
            boolean readOnlyRole = caller != null && caller.principal() instanceof Principal.Role role
                    && role.name().contains("ReadOnly");
            boolean service = caller == null || caller.principal() instanceof Principal.Service;
            denied = !service && ((readOnlyRole && !api.readOnly() && r.chance(0.8))
                    || r.chance(byPerson ? PERSON_DENIED : AUTOMATION_DENIED));
            throttled = !service && !byPerson && !denied && r.chance(AUTOMATION_THROTTLED);
        }
        call.g = g;
        call.r = r;
        call.time = t;
        call.api = api;
        call.caller = caller;
        call.s3Bucket = null;
        call.s3Key = null;
        if (signIn(api)) {
            writeSignIn(g, api, caller, r, t);
        } else if (serviceEvent(api)) {
            writeServiceEvent(g, api, r, t);
        } else {
            writeApiCall(g, api, caller, denied, throttled, r, t);
        }
    }

    private void writeApiCall(JsonGenerator g, Api api, Caller caller, boolean denied, boolean throttled, Rng r,
                              long t) throws IOException {
        String errorCode = null;
        String errorMessage = null;
        if (denied) {
            errorCode = AccessDenied.code(api);
            errorMessage = AccessDenied.message(api, call);
        } else if (throttled) {
            errorCode = switch (api.service()) {
                case "ec2" -> "Client.RequestLimitExceeded";
                case "s3" -> "SlowDown";
                default -> "ThrottlingException";
            };
            errorMessage = errorCode.equals("SlowDown") ? "Please reduce your request rate."
                    : errorCode.startsWith("Client") ? "Request limit exceeded." : "Rate exceeded";
        } else if (api.errorRate() > 0 && r.chance(api.errorRate())) {
            Api.Failure failure = api.errors().get(r.nextInt(api.errors().size()));
            errorCode = failure.code();
            errorMessage = failure.message().of(call);
        }
        g.writeStartObject();
        g.writeStringField("eventVersion", api.version());
        Identity.write(g, caller, t);
        g.writeStringField("eventTime", Times.iso(t));
        g.writeStringField("eventSource", api.source());
        g.writeStringField("eventName", api.name());
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", caller.sourceIp());
        g.writeStringField("userAgent", caller.userAgent());
        if (errorCode != null) {
            g.writeStringField("errorCode", errorCode);
            if (!errorMessage.isEmpty()) {
                g.writeStringField("errorMessage", errorMessage);
            }
        }
        g.writeFieldName("requestParameters");
        body(g, api.request());
        g.writeFieldName("responseElements");
        body(g, errorCode != null ? null : api.response());
        if (api.additional() != null) {
            g.writeFieldName("additionalEventData");
            api.additional().write(call);
        }
        boolean s3 = api.source().startsWith("s3.");
        g.writeStringField("requestID", s3 ? Ids.upperAlnum(r, 16) : Ids.uuid(r));
        g.writeStringField("eventID", Ids.uuid(r));
        g.writeBooleanField("readOnly", api.readOnly());
        if (api.resources() != null) {
            g.writeFieldName("resources");
            api.resources().write(call);
        }
        g.writeStringField("eventType", "AwsApiCall");
        g.writeBooleanField("managementEvent", !api.data());
        g.writeStringField("recipientAccountId", account.id);
        boolean service = caller.principal() instanceof Principal.Service;
        if (service && r.chance(0.5)) {
            g.writeStringField("sharedEventID", Ids.uuid(r));
        }
        if (inVpc(caller, api) && r.chance(0.6)) {
            g.writeStringField("vpcEndpointId", account.vpcEndpoint(region));
        }
        g.writeStringField("eventCategory", api.data() ? "Data" : "Management");
        if (!service && Character.isDigit(caller.sourceIp().charAt(0))) {
            String host = s3 && call.s3Bucket != null ? call.s3Bucket + ".s3." + region + ".amazonaws.com"
                    : s3 ? "s3." + region + ".amazonaws.com" : api.host(region);
            tls(g, caller.userAgent(), host);
        }
        if (caller.console()) {
            g.writeStringField("sessionCredentialFromConsole", "true");
        }
        g.writeEndObject();
    }

    private void writeSignIn(JsonGenerator g, Api api, Caller caller, Rng r, long t) throws IOException {
        boolean failed = r.chance(LOGIN_FAILURE);
        g.writeStartObject();
        g.writeStringField("eventVersion", api.version());
        Identity.writeSignIn(g, caller.principal());
        g.writeStringField("eventTime", Times.iso(t));
        g.writeStringField("eventSource", api.source());
        g.writeStringField("eventName", api.name());
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", caller.sourceIp());
        g.writeStringField("userAgent", caller.userAgent());
        if (failed) {
            g.writeStringField("errorMessage", "Failed authentication");
        }
        g.writeNullField("requestParameters");
        g.writeObjectFieldStart("responseElements");
        g.writeStringField("ConsoleLogin", failed ? "Failure" : "Success");
        g.writeEndObject();
        g.writeObjectFieldStart("additionalEventData");
        g.writeStringField("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
                + "&state=hashArgsFromTB_" + region + "_" + Ids.hex(r, 16));
        g.writeStringField("MobileVersion", "No");
        if (caller.mfa() && caller.principal() instanceof Principal.IamUser user) {
            g.writeStringField("MFAIdentifier", "arn:aws:iam::" + account.id + ":mfa/" + user.name());
        }
        g.writeStringField("MFAUsed", caller.mfa() && !failed ? "Yes" : "No");
        g.writeEndObject();
        g.writeStringField("eventID", Ids.uuid(r));
        g.writeBooleanField("readOnly", false);
        g.writeStringField("eventType", "AwsConsoleSignIn");
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", account.id);
        g.writeStringField("eventCategory", "Management");
        tls(g, caller.userAgent(), api.host(region));
        g.writeEndObject();
    }

    /** Events AWS raises itself (a KMS key rotating): no caller, no request, details of their own. */
    private void writeServiceEvent(JsonGenerator g, Api api, Rng r, long t) throws IOException {
        String host = api.service() + ".amazonaws.com";
        g.writeStartObject();
        g.writeStringField("eventVersion", api.version());
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("accountId", account.id);
        g.writeStringField("invokedBy", host);
        g.writeEndObject();
        g.writeStringField("eventTime", Times.iso(t));
        g.writeStringField("eventSource", api.source());
        g.writeStringField("eventName", api.name());
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", host);
        g.writeStringField("userAgent", host);
        g.writeNullField("requestParameters");
        g.writeNullField("responseElements");
        g.writeStringField("eventID", Ids.uuid(r));
        g.writeBooleanField("readOnly", false);
        if (api.resources() != null) {
            g.writeFieldName("resources");
            api.resources().write(call);
        }
        g.writeStringField("eventType", "AwsServiceEvent");
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", account.id);
        if (api.additional() != null) {
            g.writeFieldName("serviceEventDetails");
            api.additional().write(call);
        }
        g.writeStringField("eventCategory", "Management");
        g.writeEndObject();
    }

    private void body(JsonGenerator g, Api.Body body) throws IOException {
        if (body == null) {
            g.writeNull();
        } else {
            body.write(call);
        }
    }

    private static void tls(JsonGenerator g, String agent, String host) throws IOException {
        boolean old = agent.startsWith("aws-sdk-java/1.11");
        g.writeObjectFieldStart("tlsDetails");
        g.writeStringField("tlsVersion", old ? "TLSv1.2" : "TLSv1.3");
        g.writeStringField("cipherSuite", old ? "ECDHE-RSA-AES128-GCM-SHA256" : "TLS_AES_128_GCM_SHA256");
        g.writeStringField("clientProvidedHostHeader", host);
        g.writeEndObject();
    }

    /** Workloads inside a VPC reach these services through interface or gateway endpoints. */
    private static boolean inVpc(Caller caller, Api api) {
        if (!(caller.principal() instanceof Principal.Role role) || role.human() || role.invokedBy() != null) {
            return false;
        }
        String service = api.service();
        return service.equals("s3") || service.equals("kms") || service.equals("secretsmanager")
                || service.equals("ssm") || service.equals("dynamodb") || service.equals("sts");
    }

    private static boolean signIn(Api api) {
        return api.eventType().equals("AwsConsoleSignIn");
    }

    private static boolean serviceEvent(Api api) {
        return api.eventType().equals("AwsServiceEvent");
    }
}

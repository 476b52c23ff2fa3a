package org.trailworkbench.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Writes userIdentity in the shapes CloudTrail uses for each kind of principal. */
final class Identity {
    private Identity() {
    }

    static void write(JsonGenerator g, Caller caller, long t) throws IOException {
        Principal p = caller.principal();
        g.writeObjectFieldStart("userIdentity");
        if (p instanceof Principal.Service service) {
            g.writeStringField("type", "AWSService");
            g.writeStringField("invokedBy", service.host());
        } else if (p instanceof Principal.IamUser user) {
            g.writeStringField("type", "IAMUser");
            g.writeStringField("principalId", user.principalId());
            g.writeStringField("arn", user.arn());
            g.writeStringField("accountId", user.account());
            g.writeStringField("accessKeyId", caller.accessKeyId());
            g.writeStringField("userName", user.name());
            if (caller.console()) {
                sessionContext(g, caller, null);
            }
        } else if (p instanceof Principal.Role role) {
            g.writeStringField("type", "AssumedRole");
            g.writeStringField("principalId", role.roleId() + ":" + caller.session());
            g.writeStringField("arn", role.sessionArn(caller.session()));
            g.writeStringField("accountId", role.account());
            g.writeStringField("accessKeyId", caller.accessKeyId());
            sessionContext(g, caller, role);
            if (role.invokedBy() != null) {
                g.writeStringField("invokedBy", role.invokedBy());
            }
        } else {
            Principal.Root root = (Principal.Root) p;
            g.writeStringField("type", "Root");
            g.writeStringField("principalId", root.account());
            g.writeStringField("arn", root.arn());
            g.writeStringField("accountId", root.account());
            g.writeStringField("accessKeyId", caller.accessKeyId());
            sessionContext(g, caller, null);
        }
        g.writeEndObject();
    }

    /** ConsoleLogin's identity carries no key and no session: the session is what the login creates. */
    static void writeSignIn(JsonGenerator g, Principal p) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        if (p instanceof Principal.IamUser user) {
            g.writeStringField("type", "IAMUser");
            g.writeStringField("principalId", user.principalId());
            g.writeStringField("arn", user.arn());
            g.writeStringField("accountId", user.account());
            g.writeStringField("userName", user.name());
        } else {
            g.writeStringField("type", "Root");
            g.writeStringField("principalId", ((Principal.Root) p).account());
            g.writeStringField("arn", p.arn());
            g.writeStringField("accountId", ((Principal.Root) p).account());
        }
        g.writeEndObject();
    }

    private static void sessionContext(JsonGenerator g, Caller caller, Principal.Role role) throws IOException {
        g.writeObjectFieldStart("sessionContext");
        g.writeObjectFieldStart("sessionIssuer");
        if (role != null) {
            g.writeStringField("type", "Role");
            g.writeStringField("principalId", role.roleId());
            g.writeStringField("arn", role.arn());
            g.writeStringField("accountId", role.account());
            g.writeStringField("userName", role.name());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("webIdFederationData");
        g.writeEndObject();
        g.writeObjectFieldStart("attributes");
        g.writeStringField("creationDate", Times.iso(caller.sessionStart()));
        g.writeStringField("mfaAuthenticated", caller.mfa() ? "true" : "false");
        g.writeEndObject();
        if (role != null && role.instance()) {
            g.writeStringField("ec2RoleDelivery", "2.0");
        }
        g.writeEndObject();
    }
}

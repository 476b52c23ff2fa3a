package org.trailworkbench.generate;

/**
 * The who and how of one event: principal, session, address, agent, and whether it came through the
 * console.
 *
 * @param session      role session name; null for users, services and root
 * @param accessKeyId  null when the event shows no key (sign-in, service calls)
 * @param sessionStart epoch second the temporary credentials were issued; 0 when there are none
 */
record Caller(Principal principal, String session, String sourceIp, String userAgent, boolean console,
              String accessKeyId, long sessionStart, boolean mfa) {

    String arn() {
        return principal instanceof Principal.Role role ? role.sessionArn(session) : principal.arn();
    }
}

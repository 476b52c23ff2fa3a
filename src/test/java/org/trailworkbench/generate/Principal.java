package org.trailworkbench.generate;

import java.util.List;

/** Who can appear in userIdentity. Built once per account by {@link AccountModel}; immutable. */
sealed interface Principal {

    /** Relative frequency within its pool (humans or automation). */
    double weight();

    /** The ARN Insights attributes calls to (for a role: the role, not one of its sessions). */
    String arn();

    /**
     * An IAM user with long-term keys.
     *
     * @param console whether the user signs in to the console (and so makes console calls)
     * @param agents  SDK/CLI user agents this user's scripts send
     */
    record IamUser(String account, String name, String principalId, List<String> accessKeys, List<String> ips,
                   boolean mfa, boolean console, List<String> agents, double weight) implements Principal {
        @Override
        public String arn() {
            return "arn:aws:iam::" + account + ":user/" + name;
        }
    }

    /**
     * A role whose sessions call APIs.
     *
     * @param path      IAM path, "/" or e.g. "/aws-reserved/sso.amazonaws.com/"
     * @param sessions  session names it is assumed under
     * @param invokedBy set when an AWS service uses the role on its own behalf (service-linked roles)
     * @param human     a person behind the session (SSO), so console calls and working hours apply
     * @param readsOnly an auditing role (AWS Config) that never writes
     * @param instance  an EC2 instance profile: CloudTrail adds ec2RoleDelivery
     */
    record Role(String account, String name, String path, String roleId, List<String> sessions, List<String> ips,
                List<String> agents, String invokedBy, boolean human, boolean readsOnly, boolean instance,
                double weight) implements Principal {
        @Override
        public String arn() {
            return "arn:aws:iam::" + account + ":role" + path + name;
        }

        String sessionArn(String session) {
            return "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + session;
        }
    }

    /** An AWS service calling on the account's behalf ({@code type: AWSService}). */
    record Service(String host, double weight) implements Principal {
        @Override
        public String arn() {
            return host;
        }
    }

    record Root(String account, List<String> ips, double weight) implements Principal {
        @Override
        public String arn() {
            return "arn:aws:iam::" + account + ":root";
        }
    }
}

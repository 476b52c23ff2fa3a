package org.trailworkbench.generate;

/**
 * An injected spike with what it takes to write its events: the API, and the one caller behind the burst
 * (a leaked access key used from an unfamiliar address, or a workload whose permissions broke).
 */
record SpikePlan(InjectedSpike spike, Api api, Principal principal, String session, String ip, String agent,
                 String accessKeyId, int day) {

    boolean failing() {
        return spike.errorCode() != null;
    }

    boolean covers(String account, String region, int unitDay) {
        return spike.account().equals(account) && spike.region().equals(region) && day == unitDay;
    }
}

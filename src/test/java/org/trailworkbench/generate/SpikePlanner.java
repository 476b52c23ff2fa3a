package org.trailworkbench.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the spikes to inject: per account, one call-rate burst of a write API (EC2 RunInstances in a
 * region the account barely uses, or IAM CreateAccessKey) from a leaked key, and one burst of access-denied
 * errors from a workload. Each lies inside one day so that one unit of work writes all of its events.
 */
final class SpikePlanner {
    private static final double MIN_CALLS_PER_MINUTE = 2.0;

    private SpikePlanner() {
    }

    static List<SpikePlan> plan(TrailSpec spec, List<AccountModel> accounts, Volume volume) {
        List<SpikePlan> plans = new ArrayList<>();
        String globalRegion = Volume.globalRegion(spec);
        for (AccountModel account : accounts) {
            Rng r = new Rng(Rng.mix(spec.seed(), "spikes " + account.id));
            int callDay = r.nextInt(spec.days());
            int errorDay = spec.days() > 1 ? (callDay + 1 + r.nextInt(spec.days() - 1)) % spec.days() : callDay;

            boolean ec2 = r.chance(0.5);
            String callRegion = ec2 ? quietRegion(spec) : globalRegion;
            Api callApi = ec2 ? ApiTable.find("ec2.amazonaws.com", "RunInstances")
                    : ApiTable.find("iam.amazonaws.com", "CreateAccessKey");
            Principal.IamUser leaked = account.leakedKeyUser;
            String spikeIp = "192.0.2." + r.between(20, 240); // an address none of the normal traffic uses
            long callStart = volume.dayStart(callDay) + r.between(3, 19) * 3600L + r.between(0, 59) * 60L;
            int callMinutes = r.between(20, 30);
            double callBaseline = baseline(spec, volume, callRegion, callApi, callDay);
            double callRate = Math.max(callBaseline * r.between(10, 50), MIN_CALLS_PER_MINUTE);
            plans.add(new SpikePlan(new InjectedSpike(account.id, callRegion, callApi.source(), callApi.name(),
                    InjectedSpike.Kind.API_CALL_RATE, Instant.ofEpochSecond(callStart),
                    Instant.ofEpochSecond(callStart + callMinutes * 60L), (int) Math.round(callRate * callMinutes),
                    callBaseline, leaked.arn(), null), callApi, leaked, null, spikeIp, Agents.SPIKE_SCRIPT,
                    leaked.accessKeys().get(1), callDay));

            boolean sts = r.chance(0.5);
            Api errorApi = sts ? ApiTable.find("sts.amazonaws.com", "AssumeRole")
                    : ApiTable.find("secretsmanager.amazonaws.com", "GetSecretValue");
            Principal.Role broken = account.brokenRole;
            String session = broken.sessions().get(0);
            long errorStart = volume.dayStart(errorDay) + r.between(3, 19) * 3600L + r.between(0, 59) * 60L;
            if (errorDay == callDay && Math.abs(errorStart - callStart) < 7200) {
                errorStart = callStart + (callStart - volume.dayStart(callDay) < 11 * 3600L ? 4 : -4) * 3600L;
            }
            int errorMinutes = r.between(20, 30);
            double errorBaseline = baseline(spec, volume, spec.homeRegion(), errorApi, errorDay) * 0.002;
            double errorRate = MIN_CALLS_PER_MINUTE + r.nextInt(4);
            plans.add(new SpikePlan(new InjectedSpike(account.id, spec.homeRegion(), errorApi.source(),
                    errorApi.name(), InjectedSpike.Kind.API_ERROR_RATE, Instant.ofEpochSecond(errorStart),
                    Instant.ofEpochSecond(errorStart + errorMinutes * 60L), (int) Math.round(errorRate * errorMinutes),
                    errorBaseline, broken.sessionArn(session), sts ? "AccessDenied" : "AccessDeniedException"),
                    errorApi, broken, session, broken.ips().get(0), Agents.BOTO3_LAMBDA, null, errorDay));
        }
        return List.copyOf(plans);
    }

    /** The API's normal calls per minute in that region on that day. */
    private static double baseline(TrailSpec spec, Volume volume, String region, Api api, int day) {
        boolean global = region.equals(Volume.globalRegion(spec));
        return volume.events(region, day) / 1440.0 * new ApiTable(global).share(api);
    }

    /** The least busy region: a burst of launches there is what cryptomining with a stolen key looks like. */
    private static String quietRegion(TrailSpec spec) {
        List<String> others = spec.regions().stream().filter(region -> !region.equals(spec.homeRegion())).toList();
        return others.isEmpty() ? spec.homeRegion() : others.get(others.size() - 1);
    }
}

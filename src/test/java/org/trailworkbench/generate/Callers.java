package org.trailworkbench.generate;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Picks who makes a call and how: principal, session, address, agent, credentials. */
final class Callers {
    private static final long USER_CONSOLE_SESSION = 4 * 3600L;
    private static final long ROLE_SESSION = 3600L;
    private static final long SSO_SESSION = 8 * 3600L;

    private final AccountModel account;
    private final double[] humanWeights;
    private final double[] automationWeights;
    private final Map<Principal, Long> hashes = new IdentityHashMap<>();

    Callers(AccountModel account) {
        this.account = account;
        this.humanWeights = cumulative(account.humans);
        this.automationWeights = cumulative(account.automation);
    }

    Caller pick(Api api, boolean byPerson, Rng r, long t) {
        if (byPerson) {
            return person(pick(account.humans, humanWeights, r), api, r, t);
        }
        if (api.role() != null) {
            for (Principal p : account.automation) {
                if (p instanceof Principal.Role role && role.name().equals(api.role())) {
                    return role(role, r.pick(role.sessions()), api, r, t);
                }
            }
        }
        if (!api.invokedBy().isEmpty() && r.chance(api.serviceShare())) {
            String host = r.pick(api.invokedBy());
            return new Caller(new Principal.Service(host, 1), null, host, host, false, null, 0, false);
        }
        Principal p = pick(account.automation, automationWeights, r);
        for (int i = 0; i < 3 && !api.readOnly() && p instanceof Principal.Role role && role.readsOnly(); i++) {
            p = pick(account.automation, automationWeights, r);
        }
        if (p instanceof Principal.Role role && role.readsOnly() && !api.readOnly()) {
            p = account.brokenRole;
        }
        if (p instanceof Principal.Role role) {
            return role(role, r.pick(role.sessions()), api, r, t);
        }
        return userCli((Principal.IamUser) p, api, r);
    }

    /** ConsoleLogin: an IAM user (now and then root) at a browser; the event shows no access key. */
    Caller signIn(Rng r) {
        Principal p = r.chance(0.03) ? account.root : pick(account.humans, humanWeights, r);
        if (!(p instanceof Principal.IamUser) && !(p instanceof Principal.Root)) {
            p = account.humans.get(r.nextInt(6));
        }
        boolean mfa = p instanceof Principal.Root || ((p instanceof Principal.IamUser u) && u.mfa());
        return new Caller(p, null, ip(p, r), browser(p), true, null, 0, mfa);
    }

    /** The caller of a spike's events: one principal, one address, one agent, throughout. */
    Caller spike(SpikePlan plan, long t) {
        if (plan.principal() instanceof Principal.Role role) {
            long start = sessionStart(role, t, ROLE_SESSION);
            return new Caller(role, plan.session(), plan.ip(), plan.agent(), false,
                    temporaryKey(role, plan.session(), start), start, false);
        }
        return new Caller(plan.principal(), null, plan.ip(), plan.agent(), false, plan.accessKeyId(), 0, false);
    }

    private Caller person(Principal p, Api api, Rng r, long t) {
        if (p instanceof Principal.IamUser user) {
            if (user.console() && r.chance(0.5)) {
                long start = sessionStart(user, t, USER_CONSOLE_SESSION);
                return new Caller(user, null, ip(user, r), browser(user), true, temporaryKey(user, "", start), start,
                        user.mfa());
            }
            return userCli(user, api, r);
        }
        if (p instanceof Principal.Role role) {
            String session = r.pick(role.sessions());
            if (r.chance(0.6)) {
                long start = sessionStart(role, t, SSO_SESSION);
                return new Caller(role, session, ip(role, r), browser(role), true,
                        temporaryKey(role, session, start), start, false);
            }
            return role(role, session, api, r, t);
        }
        Principal.Root root = (Principal.Root) p;
        long start = sessionStart(root, t, USER_CONSOLE_SESSION);
        return new Caller(root, null, ip(root, r), browser(root), true, temporaryKey(root, "", start), start, true);
    }

    private Caller userCli(Principal.IamUser user, Api api, Rng r) {
        String key = user.accessKeys().get(r.chance(0.9) ? 0 : user.accessKeys().size() - 1);
        return new Caller(user, null, ip(user, r), agent(user.agents(), api, r), false, key, 0, false);
    }

    private Caller role(Principal.Role role, String session, Api api, Rng r, long t) {
        long start = sessionStart(role, t, role.human() ? SSO_SESSION : ROLE_SESSION);
        return new Caller(role, session, ip(role, r), agent(role.agents(), api, r), false,
                temporaryKey(role, session, start), start, false);
    }

    private static String agent(List<String> agents, Api api, Rng r) {
        String agent = r.pick(agents);
        return Agents.endsWithCommand(agent) ? agent + api.cliCommand() : agent;
    }

    private static String ip(Principal p, Rng r) {
        List<String> ips;
        if (p instanceof Principal.IamUser user) {
            ips = user.ips();
        } else if (p instanceof Principal.Role role) {
            ips = role.ips();
        } else if (p instanceof Principal.Root root) {
            ips = root.ips();
        } else {
            ips = List.of(((Principal.Service) p).host());
        }
        return ips.size() == 1 || r.chance(0.8) ? ips.get(0) : ips.get(1 + r.nextInt(ips.size() - 1));
    }

    /** Each person keeps one browser. */
    private String browser(Principal p) {
        return Agents.BROWSERS[(int) Math.floorMod(hash(p), (long) Agents.BROWSERS.length)];
    }

    /** Credentials renew every {@code length} seconds at a phase of the principal's own. */
    private long sessionStart(Principal p, long t, long length) {
        long phase = Math.floorMod(hash(p), length);
        return t - Math.floorMod(t - phase, length);
    }

    private String temporaryKey(Principal p, String session, long start) {
        return Ids.awsId("ASIA", new Rng(Rng.mix(hash(p), session.hashCode() * 31L + start)), 16);
    }

    private long hash(Principal p) {
        return hashes.computeIfAbsent(p, key -> Rng.mix(account.seed, key.arn()));
    }

    private static Principal pick(List<Principal> pool, double[] cumulative, Rng r) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return pool.get(i);
            }
        }
        return pool.get(pool.size() - 1);
    }

    private static double[] cumulative(List<Principal> pool) {
        double[] sums = new double[pool.size()];
        double sum = 0;
        for (int i = 0; i < sums.length; i++) {
            sum += pool.get(i).weight();
            sums[i] = sum;
        }
        return sums;
    }
}

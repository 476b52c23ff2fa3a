package org.trailworkbench.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The APIs that can be called in one region, with cumulative weights for drawing one for a person and
 * one for automation. Global services (IAM, sign-in, ...) are logged only in the trail's global region.
 */
final class ApiTable {
    static final List<Api> ALL = catalog();

    private final Api[] apis;
    private final double[] human;
    private final double[] automation;

    ApiTable(boolean globalRegion) {
        List<Api> here = new ArrayList<>();
        for (Api api : ALL) {
            if (globalRegion || !api.global()) {
                here.add(api);
            }
        }
        apis = here.toArray(Api[]::new);
        human = cumulative(here, true);
        automation = cumulative(here, false);
    }

    Api pick(boolean byPerson, Rng r) {
        double[] cumulative = byPerson ? human : automation;
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return apis[lo];
    }

    /** The chance that an event of this region is a call to {@code api}, across people and automation. */
    double share(Api api) {
        double h = api.humanWeight() / human[human.length - 1];
        double a = api.automationWeight() / automation[automation.length - 1];
        return Rhythm.HUMAN_SHARE * h + (1 - Rhythm.HUMAN_SHARE) * a;
    }

    static Api find(String source, String name) {
        for (Api api : ALL) {
            if (api.source().equals(source) && api.name().equals(name)) {
                return api;
            }
        }
        throw new IllegalArgumentException("no such API in the catalog: " + source + " " + name);
    }

    private static double[] cumulative(List<Api> apis, boolean byPerson) {
        double[] sums = new double[apis.size()];
        double sum = 0;
        for (int i = 0; i < sums.length; i++) {
            sum += byPerson ? apis.get(i).humanWeight() : apis.get(i).automationWeight();
            sums[i] = sum;
        }
        return sums;
    }

    private static List<Api> catalog() {
        List<Api> all = new ArrayList<>();
        all.addAll(ComputeApis.all());
        all.addAll(IdentityApis.all());
        all.addAll(StorageApis.all());
        all.addAll(OpsApis.all());
        return List.copyOf(all);
    }
}

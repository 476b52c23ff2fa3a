package org.trailworkbench.generate;

import java.util.List;

/**
 * How many events each (region, day) gets. The home region carries most of the traffic and the others
 * steeply less (96/3/0.7 % for three regions): a real account's other regions see a few calls an hour, so
 * many of their 5-minute windows deliver no file at all. Weekend days get fewer events (fewer people at work), scaled so
 * that the trail as a whole still holds about {@code eventsPerDay * days} events per account.
 */
final class Volume {
    private final TrailSpec spec;
    private final double[] regionShares;
    private final double[][] dayFactors;

    Volume(TrailSpec spec) {
        this.spec = spec;
        List<String> regions = spec.regions();
        regionShares = new double[regions.size()];
        double total = 0;
        int rank = 1;
        for (int i = 0; i < regions.size(); i++) {
            boolean home = regions.get(i).equals(spec.homeRegion());
            regionShares[i] = home ? 1.0 : 0.03 / (rank * rank++);
            total += regionShares[i];
        }
        for (int i = 0; i < regionShares.length; i++) {
            regionShares[i] /= total;
        }
        dayFactors = new double[regions.size()][spec.days()];
        for (int i = 0; i < regions.size(); i++) {
            double sum = 0;
            double workday = Rhythm.humanDay(regions.get(i), Rhythm.mondayOf(spec.start().getEpochSecond()));
            for (int d = 0; d < spec.days(); d++) {
                double human = Rhythm.humanDay(regions.get(i), dayStart(d)) / workday;
                dayFactors[i][d] = (1 - Rhythm.HUMAN_SHARE) + Rhythm.HUMAN_SHARE * human;
                sum += dayFactors[i][d];
            }
            for (int d = 0; d < spec.days(); d++) {
                dayFactors[i][d] *= spec.days() / sum;
            }
        }
    }

    long dayStart(int day) {
        return spec.start().getEpochSecond() + day * 86_400L;
    }

    double regionShare(String region) {
        return regionShares[spec.regions().indexOf(region)];
    }

    /** Expected events of one account in one region on one day. */
    double events(String region, int day) {
        int i = spec.regions().indexOf(region);
        return spec.eventsPerDay() * regionShares[i] * dayFactors[i][day];
    }

    /** The region where global services (IAM, sign-in) are logged: us-east-1 when the trail covers it. */
    static String globalRegion(TrailSpec spec) {
        return spec.regions().contains("us-east-1") ? "us-east-1" : spec.homeRegion();
    }
}

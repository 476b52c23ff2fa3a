package org.trailworkbench.generate;

import java.nio.file.Path;

/**
 * The S3 keys CloudTrail writes, relative to the bucket (and so to the evidence folder's root):
 * {@code [prefix/]AWSLogs/[o-orgid/]<account>/CloudTrail|CloudTrail-Digest|CloudTrail-Insight/<region>/YYYY/MM/DD/...}.
 */
final class TrailLayout {
    private final TrailSpec spec;

    TrailLayout(TrailSpec spec) {
        this.spec = spec;
    }

    /** {@code <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 alnum>.json.gz}, dated by delivery. */
    String logKey(String account, String region, long deliveredAt, String unique) {
        return folder(account, "CloudTrail", region, deliveredAt)
                + account + "_CloudTrail_" + region + "_" + Times.fileMinute(deliveredAt) + "_" + unique + ".json.gz";
    }

    /** {@code <account>_CloudTrail-Digest_<region>_<trail>_<homeRegion>_<YYYYMMDDTHHmmssZ>.json.gz}, dated by its end. */
    String digestKey(String account, String region, long digestEnd) {
        return folder(account, "CloudTrail-Digest", region, digestEnd)
                + account + "_CloudTrail-Digest_" + region + "_" + spec.trailName() + "_" + spec.homeRegion() + "_"
                + Times.fileSecond(digestEnd) + ".json.gz";
    }

    String insightKey(String account, String region, long deliveredAt, String unique) {
        return folder(account, "CloudTrail-Insight", region, deliveredAt)
                + account + "_CloudTrail-Insight_" + region + "_" + Times.fileMinute(deliveredAt) + "_" + unique
                + ".json.gz";
    }

    static Path file(Path root, String key) {
        return root.resolve(key.replace('/', root.getFileSystem().getSeparator().charAt(0)));
    }

    private String folder(String account, String kind, String region, long at) {
        StringBuilder key = new StringBuilder(96);
        if (spec.prefix() != null) {
            key.append(spec.prefix()).append('/');
        }
        key.append("AWSLogs/");
        if (spec.orgId() != null) {
            key.append(spec.orgId()).append('/');
        }
        return key.append(account).append('/').append(kind).append('/').append(region).append('/')
                .append(Times.dayPath(at)).append('/').toString();
    }
}

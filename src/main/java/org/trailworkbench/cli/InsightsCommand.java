package org.trailworkbench.cli;

import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.Attribution;
import org.trailworkbench.insights.Contributor;
import org.trailworkbench.insights.InsightType;
import org.trailworkbench.insights.InsightsRequest;
import org.trailworkbench.insights.InsightsResult;
import org.trailworkbench.insights.InsightsService;
import org.trailworkbench.insights.LocalDetector;
import org.trailworkbench.insights.Origin;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.search.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "insights", mixinStandardHelpOptions = true,
        description = {"List unusual API call rates and error rates: the CloudTrail Insights records in the case",
                "(AWS Insights) and what local detection finds in the events themselves (detected locally).",
                "Without --aws or --local, both. See docs/INSIGHTS.md for how local detection works."})
final class InsightsCommand implements Callable<Integer> {

    @ParentCommand
    TrailCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOption caseOption;

    @Mixin // --profile and --aws-region, for a remote case's --aws-sigv4
    AwsAccountOptions awsAccount;

    /** --from and --to take an instant as well as a day here: an anomaly is placed to the minute. */
    @Mixin
    DeliveryFilterOptions delivery;

    @Option(names = "--aws", description = "Show the AWS Insights records, paired into anomalies.")
    boolean aws;

    @Option(names = "--local", description = "Show the anomalies detected locally from the events.")
    boolean local;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only this eventSource, like iam.amazonaws.com.")
    String source;

    @Option(names = "--name", paramLabel = "NAME", description = "Only this eventName, like CreateAccessKey.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only call-rate or error-rate anomalies.")
    String type;

    @Option(names = "--json", description = "Print one JSON document: the anomalies with their attributions and event searches.")
    boolean json;

    @Override
    public Integer call() throws IOException, CliFailure {
        InsightsRequest request = request();
        InsightsResult result;
        try (CaseEvents c = caseOption.openEvents()) {
            result = new InsightsService(c.insights()).list(request, cli.interrupts().cancellation());
        }
        if (result.aws() != null) {
            for (String problem : result.aws().problems()) {
                cli.err().println("warning: " + problem);
            }
        }
        if (json) {
            JsonOut.print(cli.out(), InsightsJson.document(result));
        } else {
            print(cli.out(), result);
        }
        return TrailCli.OK;
    }

    private InsightsRequest request() {
        TimeRange range;
        try {
            range = TimeRange.of(delivery.from == null ? null : TimeArgs.start(delivery.from),
                    delivery.to == null ? null : TimeArgs.end(delivery.to));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        EnumSet<Origin> origins = EnumSet.noneOf(Origin.class);
        if (aws) {
            origins.add(Origin.AWS_INSIGHTS);
        }
        if (local) {
            origins.add(Origin.DETECTED_LOCALLY);
        }
        return InsightsRequest.all().withRange(range).withOrigins(origins).withAccount(single(delivery.accounts, "--account"))
                .withRegion(single(delivery.regions, "--region"))
                .withApi(source, name).withType(type == null ? null : type(type));
    }

    /** An anomaly belongs to one account and one region: the filter names at most one of each. */
    private String single(List<String> values, String option) {
        if (values.size() > 1) {
            throw new ParameterException(spec.commandLine(), option + " can be given once for insights");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private InsightType type(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "call-rate", "callrate", "apicallrateinsight" -> InsightType.CALL_RATE;
            case "error-rate", "errorrate", "apierrorrateinsight" -> InsightType.ERROR_RATE;
            default -> throw new ParameterException(spec.commandLine(),
                    "unknown --type '" + text + "': use call-rate or error-rate");
        };
    }

    private static void print(PrintWriter out, InsightsResult result) {
        List<Anomaly> anomalies = result.anomalies();
        if (anomalies.isEmpty()) {
            out.println("No anomalies found.");
        } else {
            out.println(Format.count(anomalies.size()) + (anomalies.size() == 1 ? " anomaly" : " anomalies")
                    + " (rates are events per minute, times UTC)");
            Table table = new Table(60, "origin", "type", "start", "end", "min", "account", "region", "API",
                    "rate", "baseline", "severity", "top identity");
            for (int c : new int[] {4, 8, 9, 10}) {
                table.alignRight(c);
            }
            List<String[]> rows = new ArrayList<>();
            for (Anomaly a : anomalies) {
                rows.add(new String[] {a.origin().label(), kind(a.type()), a.start().toString(),
                        a.end() == null ? "ongoing" : a.end().toString()
                                + (a.state() == org.trailworkbench.insights.AnomalyState.INCOMPLETE ? " (no Start)" : ""),
                        Long.toString(a.insightMinutes()), a.account(), a.region(),
                        a.eventSource() + " " + a.eventName(), number(a.insightAverage()), number(a.baselineAverage()),
                        String.format(Locale.ROOT, "%,.0f", a.severity()), topIdentity(a)});
            }
            table.print(out, rows);
        }
        LocalDetector.Result local = result.local();
        if (local != null) {
            out.println(local.firstMinute() == null ? "Local detection: the case holds no management events."
                    : String.format(Locale.ROOT, "Local detection: %.1f days of history (%s to %s); each day is "
                            + "compared with up to 7 other days, earlier ones first (AWS Insights uses the 7 days "
                            + "before).", local.historyDays(), local.firstMinute(), local.lastMinute()));
        }
        if (result.aws() != null && result.aws().records() == 0) {
            out.println("AWS Insights: the case holds no Insights records.");
        }
    }

    static String kind(InsightType type) {
        return type == InsightType.CALL_RATE ? "call rate" : "error rate";
    }

    private static String number(double perMinute) {
        return perMinute >= 10 ? String.format(Locale.ROOT, "%,.0f", perMinute)
                : perMinute >= 0.01 ? String.format(Locale.ROOT, "%.2f", perMinute)
                : String.format(Locale.ROOT, "%.5f", perMinute);
    }

    private static String topIdentity(Anomaly a) {
        for (Attribution attribution : a.attributions()) {
            if (attribution.attribute().equals(Attribution.IDENTITY) && !attribution.insight().isEmpty()) {
                return attribution.insight().get(0).value();
            }
        }
        return "";
    }

    /** The JSON document of {@code --json}. */
    static final class InsightsJson {
        private InsightsJson() {
        }

        static Map<String, Object> document(InsightsResult result) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("anomalies", result.anomalies().stream().map(InsightsJson::anomaly).toList());
            if (result.local() != null) {
                LocalDetector.Result local = result.local();
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("historyDays", local.historyDays());
                l.put("historyFrom", local.firstMinute() == null ? null : local.firstMinute().toString());
                l.put("historyTo", local.lastMinute() == null ? null : local.lastMinute().plusSeconds(60).toString());
                l.put("eventsScanned", local.eventsScanned());
                l.put("eventsCounted", local.eventsCounted());
                l.put("series", local.series());
                doc.put("local", l);
            }
            if (result.aws() != null) {
                doc.put("aws", Map.of("records", result.aws().records(), "problems", result.aws().problems()));
            }
            doc.put("tookMillis", result.tookMillis());
            return doc;
        }

        private static Map<String, Object> anomaly(Anomaly a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", a.origin().label());
            m.put("id", a.id());
            m.put("type", a.type().awsName());
            m.put("state", a.state().name());
            m.put("account", a.account());
            m.put("region", a.region());
            m.put("eventSource", a.eventSource());
            m.put("eventName", a.eventName());
            m.put("start", a.start().toString());
            m.put("end", a.end() == null ? null : a.end().toString());
            m.put("insightMinutes", a.insightMinutes());
            m.put("baselineMinutes", a.baselineMinutes());
            m.put("insightAverage", a.insightAverage());
            m.put("baselineAverage", a.baselineAverage());
            m.put("severity", a.severity());
            List<Map<String, Object>> attributions = new ArrayList<>();
            for (Attribution attribution : a.attributions()) {
                attributions.add(Map.of("attribute", attribution.attribute(),
                        "insight", contributors(attribution.insight()),
                        "baseline", contributors(attribution.baseline())));
            }
            m.put("attributions", attributions);
            m.put("events", events(a.eventsRequest()));
            return m;
        }

        private static List<Map<String, Object>> contributors(List<Contributor> list) {
            return list.stream().<Map<String, Object>>map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", c.value());
                m.put("average", c.average());
                return m;
            }).toList();
        }

        /** The search as the other commands' options spell it, so a script can run it with {@code search}. */
        private static Map<String, Object> events(SearchRequest request) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("query", request.query());
            m.put("from", request.range().from() == null ? null : Instant.ofEpochMilli(request.range().from()).toString());
            m.put("to", request.range().to() == null ? null : Instant.ofEpochMilli(request.range().to()).toString());
            List<String> filters = new ArrayList<>();
            request.filters().forEach((field, filter) -> filter.include().forEach(v -> filters.add(field + "=" + v)));
            m.put("filters", filters);
            return m;
        }
    }
}

package org.trailworkbench.insights;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One CloudTrail Insights record (a Start or an End), read from its JSON. */
record InsightRecord(String eventId, String sharedEventId, Instant time, String account, String region, boolean start,
                     String eventSource, String eventName, InsightType type, double baselineAverage,
                     double insightAverage, long insightMinutes, long baselineMinutes,
                     List<Attribution> attributions) {

    /** Reads a record, or throws {@link IllegalArgumentException} saying what it lacks. */
    static InsightRecord parse(JsonNode record) {
        String eventId = text(record, "eventID");
        String shared = required(record, "sharedEventID", eventId);
        Instant time;
        try {
            time = Instant.parse(required(record, "eventTime", eventId));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Insights record " + eventId + ": eventTime is not an ISO time");
        }
        JsonNode details = record.path("insightDetails");
        String state = required(details, "state", eventId);
        if (!state.equals("Start") && !state.equals("End")) {
            throw new IllegalArgumentException("Insights record " + eventId + ": state is '" + state
                    + "', not Start or End");
        }
        String typeName = required(details, "insightType", eventId);
        InsightType type = InsightType.fromAws(typeName);
        if (type == null) {
            throw new IllegalArgumentException("Insights record " + eventId + ": unknown insightType " + typeName);
        }
        JsonNode statistics = details.path("insightContext").path("statistics");
        return new InsightRecord(eventId, shared, time, text(record, "recipientAccountId"), text(record, "awsRegion"),
                state.equals("Start"), required(details, "eventSource", eventId), required(details, "eventName", eventId),
                type, statistics.path("baseline").path("average").asDouble(0),
                statistics.path("insight").path("average").asDouble(0),
                statistics.path("insightDuration").asLong(0), statistics.path("baselineDuration").asLong(0),
                attributions(details.path("insightContext").path("attributions")));
    }

    private static List<Attribution> attributions(JsonNode list) {
        List<Attribution> result = new ArrayList<>();
        for (JsonNode a : list) {
            String attribute = a.path("attribute").asText("");
            if (!attribute.isEmpty()) {
                result.add(new Attribution(attribute, contributors(a.path("insight")), contributors(a.path("baseline"))));
            }
        }
        return result;
    }

    private static List<Contributor> contributors(JsonNode list) {
        List<Contributor> result = new ArrayList<>();
        for (JsonNode c : list) {
            if (c.hasNonNull("value")) {
                result.add(new Contributor(c.get("value").asText(), c.path("average").asDouble(0)));
            }
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field, String eventId) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Insights record " + (eventId == null ? "without eventID" : eventId)
                    + ": no " + field);
        }
        return value;
    }
}

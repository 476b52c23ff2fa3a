package org.trailworkbench.index;

import java.util.List;
import java.util.Set;

/**
 * The index schema in one place. Analysts type the CloudTrail JSON paths they see ({@code eventName},
 * {@code userIdentity.arn}, {@code requestParameters.bucketName}); internally every leaf lands in one
 * keyword field as {@code value+path} ({@link Keywords}), so an unbounded variety of paths costs one Lucene
 * field, not thousands; the paths a record has are one shape term ({@link Shapes}). The main dimensions also
 * get doc values, for facets, histograms and splits.
 *
 * <p>The schema is what import speed is made of: each term a record adds costs time to invert and flush,
 * so a record adds one keyword term per leaf, one shape term, and free-text words only for values that are
 * not a single word already findable through their keyword term, nor a value that many records repeat.
 */
public final class Fields {

    /** Exact eventID: the key that makes re-delivered events and re-imports collapse to one document. */
    public static final String ID = "_id";
    /** Epoch millis: a point for ranges and doc values for sort and histograms, under one name. */
    public static final String TIME = "eventTime";
    /** Every leaf as {@code lowercased value, separator, path}: see {@link Keywords}. */
    public static final String KEYWORDS = "_kv";
    /** In queries, {@code _exists_:path}: the path is present as an object, an array or a non-null value. */
    public static final String EXISTS = "_exists_";
    /**
     * The keyword terms, as in {@link #KEYWORDS}, of values that records keep repeating; their words are
     * not in {@link #ALL}. See {@link RepeatedValues}.
     */
    public static final String REPEATED = "_kvr";
    /** The list of paths a record has, one term for all of them: see {@link Shapes}. */
    public static final String SHAPE = "_shape";
    /** Free text over the values that are not a single plain word, for bare words (see {@link Keywords}). */
    public static final String ALL = "_all";
    /**
     * The schema's version, kept in each commit: a case indexed under another schema must be rebuilt, since
     * its terms would silently not match the queries of this one.
     */
    public static final String SCHEMA_VERSION = "3";
    public static final String SCHEMA_KEY = "schema";
    /** The original record, stored compressed. */
    public static final String SOURCE = "_source";
    /** The id of the file the event was first imported from (a path or s3:// key). */
    public static final String FILE = "_file";

    /** Longest value kept as one keyword term; longer values stay searchable word by word via {@link #ALL}. */
    public static final int MAX_KEYWORD_CHARS = 1024;

    /** The dimensions with facets (counts in the sidebar, splits on the timeline). Order is display order. */
    public static final List<String> FACETS = List.of(
            "eventSource", "eventName", "awsRegion", "recipientAccountId", "userIdentity.type",
            "userIdentity.arn", "sourceIPAddress", "errorCode", "readOnly", "eventType", "eventCategory",
            "userAgent");

    private static final Set<String> FACET_SET = Set.copyOf(FACETS);

    /**
     * Field paths shown in completion before the user has seen any data, in addition to what the case
     * holds. They are the schema the issue lists; any other path works the same way.
     */
    public static final List<String> WELL_KNOWN = List.of(
            "eventTime", "eventName", "eventSource", "awsRegion", "sourceIPAddress", "userAgent", "errorCode",
            "errorMessage", "readOnly", "eventType", "eventCategory", "managementEvent", "recipientAccountId",
            "userIdentity.type", "userIdentity.arn", "userIdentity.accountId", "userIdentity.principalId",
            "userIdentity.userName", "userIdentity.accessKeyId", "userIdentity.invokedBy",
            "userIdentity.sessionContext.sessionIssuer.arn",
            "userIdentity.sessionContext.attributes.mfaAuthenticated", "resources.ARN", "resources.type",
            "tlsDetails.tlsVersion", "tlsDetails.cipherSuite", "tlsDetails.clientProvidedHostHeader",
            "vpcEndpointId", "sharedEventID", "requestID", "eventID", "eventVersion");

    private Fields() {
    }

    public static boolean isFacet(String path) {
        return FACET_SET.contains(path);
    }
}

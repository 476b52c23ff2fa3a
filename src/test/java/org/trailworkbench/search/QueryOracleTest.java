package org.trailworkbench.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.casefile.ImportListener;
import org.trailworkbench.index.Analyzers;
import org.trailworkbench.index.Fields;
import org.trailworkbench.ingest.CloudTrailReader;
import org.trailworkbench.ingest.ParsedEvent;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.task.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers queries through a schema built for speed (value-first keyword terms, plain words kept
 * out of the free-text field, shape terms for presence). This test holds it to the plain meaning of each
 * query, evaluated straightforwardly over every record in memory: hundreds of queries of every form, drawn
 * from the bundled sample trail and from hand-made records with awkward values, must count the same events.
 */
class QueryOracleTest {

    @TempDir
    static Path dir;
    static Case c;
    /** Every distinct event of the case, as the oracle sees it. */
    static final Map<String, Record> events = new LinkedHashMap<>();
    /** For each word of any value, the events (by position in {@link #events}) that hold it. */
    static final Map<String, java.util.BitSet> wordIndex = new HashMap<>();

    record Leaf(String path, String value, List<String> words) {
    }

    record Record(List<Leaf> leaves, List<String> objectPaths, Map<String, List<String>> foldedByPath) {
        Record(List<Leaf> leaves, List<String> objectPaths) {
            this(leaves, objectPaths, new HashMap<>());
            for (Leaf leaf : leaves) {
                foldedByPath.computeIfAbsent(leaf.path, p -> new ArrayList<>()).add(fold(leaf.value));
            }
        }

        boolean any(String path, Predicate<String> folded) {
            for (String value : foldedByPath.getOrDefault(path, List.of())) {
                if (folded.test(value)) {
                    return true;
                }
            }
            return false;
        }

        boolean has(String path) {
            return foldedByPath.containsKey(path);
        }
    }

    @BeforeAll
    static void importAndRead() throws IOException {
        Path odd = dir.resolve("odd");
        Files.createDirectories(odd);
        Files.writeString(odd.resolve("odd.json"), oddRecords(), StandardCharsets.UTF_8);
        List<Path> sources = List.of(Path.of(System.getProperty("trailworkbench.sampleLogs", "sample-logs")), odd);
        c = Case.open(dir.resolve("case"));
        try (Analyzer words = Analyzers.freeText()) {
            for (Path source : sources) {
                c.importPath(source, SourceFilter.ALL, ImportListener.SILENT, Cancellation.none());
                List<Path> files;
                try (var walk = Files.walk(source)) {
                    files = walk.filter(Files::isRegularFile).filter(f -> f.toString().contains("_CloudTrail")
                            || f.getFileName().toString().equals("odd.json")).sorted().toList();
                }
                CloudTrailReader reader = new CloudTrailReader();
                for (Path f : files) {
                    try (InputStream in = Files.newInputStream(f)) {
                        reader.read(in, e -> events.put(e.eventId(), record(e, words)));
                    }
                }
            }
        }
        indexWords();
    }

    /** Built after reading, so that a re-delivered event counts once. */
    private static void indexWords() {
        int i = 0;
        for (Record r : events.values()) {
            for (Leaf leaf : r.leaves) {
                for (String w : leaf.words) {
                    wordIndex.computeIfAbsent(w, x -> new java.util.BitSet()).set(i);
                }
            }
            i++;
        }
    }

    @AfterAll
    static void close() throws IOException {
        c.close();
    }

    /** Values that are not plain words in every way the schema distinguishes. */
    private static String oddRecords() {
        String[] values = {"Straße", "\u212A", "İstanbul", "a\u0000b", "a\u0001b", "MiXeD-Case_Word@x.y", "x".repeat(300),
                "y".repeat(1100), "two words", "arn:aws:iam::111122223333:role/Admin", "", "123", "ünïcödé"};
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < values.length; i++) {
            String v = values[i].replace("\u0000", "\\u0000").replace("\u0001", "\\u0001");
            json.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.09\",\"eventTime\":\"2025-03-07T10:00:0")
                    .append(i % 10).append("Z\",\"eventSource\":\"odd.amazonaws.com\",\"eventName\":\"Odd")
                    .append(i).append("\",\"eventID\":\"odd-").append(i).append("\",\"requestParameters\":{\"v\":\"")
                    .append(v).append("\",\"list\":[\"").append(v).append("\",\"Plain\"]}}");
        }
        return json.append("]}").toString();
    }

    private static Record record(ParsedEvent e, Analyzer analyzer) {
        List<Leaf> leaves = new ArrayList<>();
        for (ParsedEvent.Leaf leaf : e.leaves()) {
            leaves.add(new Leaf(leaf.path(), leaf.value(), words(analyzer, leaf.value())));
        }
        return new Record(leaves, List.copyOf(e.objectPaths()));
    }

    private static List<String> words(Analyzer analyzer, String value) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(Fields.ALL, value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** What "case-insensitive" means for a field value: the first 1024 characters, lowercased. */
    static String fold(String value) {
        String v = value.length() > Fields.MAX_KEYWORD_CHARS ? value.substring(0, Fields.MAX_KEYWORD_CHARS) : value;
        return v.toLowerCase(Locale.ROOT);
    }

    private static long expected(Predicate<Record> meaning) {
        return events.values().stream().filter(meaning).count();
    }

    private static long actual(String query) throws Exception {
        return c.search().search(SearchRequest.of(query).withPage(0, null).withFacets(0).withTimeline(false, null))
                .total();
    }

    @Test
    void everyQueryFormCountsWhatItMeans() throws Exception {
        assertThat(actual("")).isEqualTo(events.size());
        Random random = new Random(42);
        List<Record> all = List.copyOf(events.values());
        Map<String, Long> mismatches = new LinkedHashMap<>();
        int checked = 0;
        for (int i = 0; i < 150; i++) {
            Record r = all.get(random.nextInt(all.size()));
            Leaf leaf = r.leaves.get(random.nextInt(r.leaves.size()));
            String path = leaf.path;
            String v = leaf.value;
            String folded = fold(v);
            String field = QueryParser.escape(path);
            Map<String, Predicate<Record>> queries = new LinkedHashMap<>();
            Map<String, Predicate<String>> wordQueries = new LinkedHashMap<>();
            queries.put(field + ":\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                    e -> e.any(path, folded::equals));
            queries.put("_exists_:" + field, e -> e.has(path));
            queries.put("NOT _exists_:" + field, e -> !e.has(path));
            if (!r.objectPaths.isEmpty()) {
                String object = r.objectPaths.get(random.nextInt(r.objectPaths.size()));
                queries.put("_exists_:" + QueryParser.escape(object), e -> e.objectPaths.contains(object) || e.has(object));
            }
            String start = alphanumericStart(folded, 3);
            if (start != null) {
                queries.put(field + ":" + start + "*", e -> e.any(path, x -> x.startsWith(start)));
                queries.put(field + ":*" + start + "*", e -> e.any(path, x -> x.contains(start)));
                queries.put(field + ":/" + start + ".*/", e -> e.any(path, x -> x.startsWith(start)));
            }
            if (isAlphanumeric(folded) && folded.length() >= 3) {
                queries.put(field + ":" + folded + "~1", e -> e.any(path, x -> distance(x, folded) <= 1));
            }
            Leaf other = r.leaves.get(random.nextInt(r.leaves.size()));
            if (other.path.equals(path) && isAlphanumeric(folded) && isAlphanumeric(fold(other.value))) {
                String low = folded.compareTo(fold(other.value)) <= 0 ? folded : fold(other.value);
                String high = low.equals(folded) ? fold(other.value) : folded;
                queries.put(field + ":[" + low + " TO " + high + "]",
                        e -> e.any(path, x -> x.compareTo(low) >= 0 && x.compareTo(high) <= 0));
                queries.put(field + ":{" + low + " TO " + high + "}",
                        e -> e.any(path, x -> x.compareTo(low) > 0 && x.compareTo(high) < 0));
                // open ends: a bound of * is no bound, whatever its bracket
                queries.put(field + ":{" + low + " TO *]", e -> e.any(path, x -> x.compareTo(low) > 0));
                queries.put(field + ":{" + low + " TO *}", e -> e.any(path, x -> x.compareTo(low) > 0));
                queries.put(field + ":[* TO " + high + "}", e -> e.any(path, x -> x.compareTo(high) < 0));
            }
            if (!leaf.words.isEmpty()) {
                String word = leaf.words.get(random.nextInt(leaf.words.size()));
                wordQueries.put(QueryParser.escape(word), w -> w.equals(word));
                String wordStart = alphanumericStart(word, 3);
                if (wordStart != null) {
                    wordQueries.put(wordStart + "*", w -> w.startsWith(wordStart));
                    wordQueries.put("*" + wordStart + "*", w -> w.contains(wordStart));
                }
                if (leaf.words.size() >= 2) {
                    int at = random.nextInt(leaf.words.size() - 1);
                    List<String> phrase = leaf.words.subList(at, at + 2);
                    queries.put("\"" + QueryParser.escape(phrase.get(0)) + " " + QueryParser.escape(phrase.get(1)) + "\"",
                            e -> e.leaves.stream().anyMatch(l -> containsRun(l.words, phrase)));
                }
            }
            for (var q : wordQueries.entrySet()) {
                long want = eventsWithWord(q.getValue());
                long got = actual(q.getKey());
                checked++;
                if (want != got) {
                    mismatches.put(q.getKey() + " (expected " + want + ")", got);
                }
            }
            for (var q : queries.entrySet()) {
                long want = expected(q.getValue());
                long got = actual(q.getKey());
                checked++;
                if (want != got) {
                    mismatches.put(q.getKey() + " (expected " + want + ")", got);
                }
            }
        }
        assertThat(mismatches).as("queries whose counts differ from their meaning").isEmpty();
        assertThat(checked).isGreaterThan(600);
    }

    @Test
    void oddValuesAreFoundByEveryRoute() throws Exception {
        assertThat(actual("requestParameters.v:straße")).isEqualTo(1);
        assertThat(actual("straße")).isEqualTo(1);
        assertThat(actual("requestParameters.v:k")).isEqualTo(1); // the Kelvin sign folds to k
        assertThat(actual("requestParameters.v:\"mixed-case_word@x.y\"")).isEqualTo(1);
        assertThat(actual("mixed-case_word@x.y")).isEqualTo(1);
        assertThat(actual("mixed*")).isEqualTo(1);
        assertThat(actual("requestParameters.list:plain")).isEqualTo(13);
        assertThat(actual("\"two words\"")).isEqualTo(1);
        assertThat(actual("requestParameters.v:\"two words\"")).isEqualTo(1);
        assertThat(actual("\"role admin\"")).isGreaterThanOrEqualTo(1);
        assertThat(actual("requestParameters.v:" + "x".repeat(300))).isEqualTo(1);
        assertThat(actual("requestParameters.v:" + "y".repeat(1024) + "*")).isEqualTo(1);
        assertThat(actual("eventID:ODD-3")).isEqualTo(1);
        // a phrase never spans two values: "words" ends requestParameters.v and "two" starts the list's first
        assertThat(actual("\"two words\"")).isEqualTo(1);
        assertThat(actual("\"words two\"")).isZero();
    }

    /** Events holding a word that matches: a bare-word query's meaning. */
    private static long eventsWithWord(Predicate<String> word) {
        java.util.BitSet hits = new java.util.BitSet();
        wordIndex.forEach((w, holders) -> {
            if (word.test(w)) {
                hits.or(holders);
            }
        });
        return hits.cardinality();
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }

    private static String alphanumericStart(String s, int n) {
        if (s.length() < n) {
            return null;
        }
        String start = s.substring(0, n);
        return isAlphanumeric(start) ? start : null;
    }

    private static boolean isAlphanumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
    }

    /** Edit distance with adjacent transpositions (optimal string alignment), as Lucene's fuzzy terms use. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package org.trailworkbench.s3;

import org.trailworkbench.ingest.FileKind;
import org.trailworkbench.ingest.SourceFilter;
import org.trailworkbench.ingest.TrailPath;
import org.trailworkbench.task.Cancellation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Lists the objects of a trail that a selection wants, asking S3 only about the key prefixes that can hold
 * them: {@code [prefix/]AWSLogs/[o-org/]<account>/CloudTrail[-Digest|-Insight]/<region>/YYYY/MM/DD/}.
 * Accounts, regions, kinds and bounded date ranges become prefixes directly; only what is unknown is
 * discovered with a delimiter listing. A bucket with an organization trail for years is never listed whole
 * to import one account's week.
 */
public final class TrailListing {

    /** More days than this in a range are found by listing year and month folders instead of one per day. */
    private static final int MAX_DAY_PREFIXES = 400;
    private static final Pattern ORG = Pattern.compile("o-[a-z0-9]{4,32}");
    private static final String LOGS = "AWSLogs/";

    /**
     * @param objects     what the selection wants, in key order
     * @param skipped     prefixes that could not be listed and keys that are not trail files, with the reason
     * @param filteredOut objects listed but left out by the selection
     * @param requests    list requests made
     */
    public record Result(List<S3Object> objects, List<Skipped> skipped, long filteredOut, long requests) {
    }

    /** Something not imported, named by its {@code s3://} URI. */
    public record Skipped(String uri, String reason) {
    }

    private final S3Lister lister;
    private final int concurrency;
    private final AtomicLong requests = new AtomicLong();

    public TrailListing(S3Lister lister, int concurrency) {
        this.lister = lister;
        this.concurrency = concurrency;
    }

    /**
     * @param listed told the running count of objects listed, for progress
     * @throws S3Failure when the location itself cannot be listed; a prefix below it that fails (access
     *                   denied on one account, say) is reported in {@link Result#skipped()} instead
     */
    public Result list(S3Location location, S3Selection selection, LongConsumer listed, Cancellation cancel)
            throws S3Failure {
        List<Skipped> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> prefixes = plan(location, selection, skipped, cancel);
        AtomicLong filteredOut = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        List<S3Object> objects = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean single = prefixes.size() == 1;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, prefixes.size())), r -> {
            Thread t = new Thread(r, "s3-list");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (String prefix : prefixes) {
                tasks.add(pool.submit(() -> {
                    requests.incrementAndGet();
                    lister.objects(location.bucket(), prefix, cancel, object -> {
                        listed.accept(seen.incrementAndGet());
                        take(location, selection, object, objects, skipped, filteredOut);
                    });
                    return null;
                }));
            }
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    tasks.get(i).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException c) {
                        throw c;
                    }
                    if (!(e.getCause() instanceof S3Failure failure)) {
                        throw new IllegalStateException(e.getCause());
                    }
                    if (single) {
                        throw failure;
                    }
                    skipped.add(new Skipped(S3Location.uri(location.bucket(), prefixes.get(i)), failure.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<S3Object> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing(S3Object::key));
        List<Skipped> problems = new ArrayList<>(skipped);
        problems.sort(Comparator.comparing(Skipped::uri));
        return new Result(sorted, problems, filteredOut.get(), requests.get());
    }

    private static void take(S3Location location, S3Selection selection, S3Object object, List<S3Object> objects,
                             List<Skipped> skipped, AtomicLong filteredOut) {
        if (object.key().endsWith("/")) {
            return; // a "folder" made by a console, not a file
        }
        String name = object.key().substring(object.key().lastIndexOf('/') + 1);
        if (!looksLikeTrailFile(name)) {
            skipped.add(new Skipped(object.uri(), "not a CloudTrail file type (.json, .json.gz, .jsonl)"));
            return;
        }
        if (!selection.accepts(TrailPath.parse(location.relative(object.key())).orElse(null))) {
            filteredOut.incrementAndGet();
            return;
        }
        objects.add(object);
    }

    /** The same file types the folder import takes (see FolderScanner). */
    static boolean looksLikeTrailFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".json.gz") || n.endsWith(".gz") || n.endsWith(".jsonl")
                || n.endsWith(".ndjson") || n.endsWith(".log");
    }

    /** The prefixes to list in full: as deep into the layout as the selection and the bucket allow. */
    List<String> plan(S3Location location, S3Selection selection, List<Skipped> skipped, Cancellation cancel)
            throws S3Failure {
        String root = location.folderPrefix();
        int at = root.startsWith(LOGS) ? 0 : root.indexOf("/" + LOGS) + 1;
        if (at <= 0 && !root.startsWith(LOGS)) {
            requests.incrementAndGet();
            // the first listing goes to the location itself: its failure (no bucket, no access) is the user's answer
            if (lister.folders(location.bucket(), root, cancel).contains(root + LOGS)) {
                return accountsOrOrgs(location, root + LOGS, selection, skipped, cancel);
            }
            return List.of(root); // not a trail layout we know: list it all and let each key's path decide
        }
        String base = root.substring(0, at + LOGS.length());
        String[] rest = root.substring(base.length()).split("/");
        List<String> given = new ArrayList<>();
        for (String part : rest) {
            if (!part.isEmpty()) {
                given.add(part);
            }
        }
        boolean org = !given.isEmpty() && ORG.matcher(given.get(0)).matches();
        int depth = given.size() - (org ? 1 : 0);
        if (given.isEmpty()) {
            return accountsOrOrgs(location, base, selection, skipped, cancel);
        }
        return switch (depth) {
            case 0 -> accounts(location, root, selection, skipped, cancel);
            case 1 -> kinds(location, root, selection, skipped, cancel);
            case 2 -> regions(location, root, selection, skipped, cancel);
            case 3 -> days(location, root, selection.filter(), skipped, cancel);
            default -> List.of(root);
        };
    }

    private List<String> accountsOrOrgs(S3Location location, String logs, S3Selection selection, List<Skipped> skipped,
                                        Cancellation cancel) throws S3Failure {
        List<String> prefixes = new ArrayList<>();
        for (String child : folders(location, logs, cancel)) {
            String name = last(child);
            if (ORG.matcher(name).matches()) {
                if (selection.orgIds().isEmpty() || selection.orgIds().contains(name)) {
                    prefixes.addAll(below(location, child, selection, skipped, cancel, this::accounts));
                }
            } else if (selection.orgIds().isEmpty() && wantsAccount(selection, name)) {
                prefixes.addAll(below(location, child, selection, skipped, cancel, this::kinds));
            }
        }
        return prefixes;
    }

    private List<String> accounts(S3Location location, String org, S3Selection selection, List<Skipped> skipped,
                                  Cancellation cancel) throws S3Failure {
        List<String> accounts = selection.filter().accounts().isEmpty()
                ? folders(location, org, cancel)
                : selection.filter().accounts().stream().sorted().map(a -> org + a + "/").toList();
        List<String> prefixes = new ArrayList<>();
        for (String account : accounts) {
            prefixes.addAll(below(location, account, selection, skipped, cancel, this::kinds));
        }
        return prefixes;
    }

    private List<String> kinds(S3Location location, String account, S3Selection selection, List<Skipped> skipped,
                               Cancellation cancel) throws S3Failure {
        List<String> prefixes = new ArrayList<>();
        for (FileKind kind : List.of(FileKind.EVENTS, FileKind.DIGEST, FileKind.INSIGHTS)) {
            if (selection.wants(kind)) {
                String folder = switch (kind) {
                    case DIGEST -> "CloudTrail-Digest/";
                    case INSIGHTS -> "CloudTrail-Insight/";
                    default -> "CloudTrail/";
                };
                prefixes.addAll(below(location, account + folder, selection, skipped, cancel, this::regions));
            }
        }
        return prefixes;
    }

    private List<String> regions(S3Location location, String kind, S3Selection selection, List<Skipped> skipped,
                                 Cancellation cancel) throws S3Failure {
        List<String> regions = selection.filter().regions().isEmpty()
                ? folders(location, kind, cancel)
                : selection.filter().regions().stream().sorted().map(r -> kind + r + "/").toList();
        List<String> prefixes = new ArrayList<>();
        for (String region : regions) {
            prefixes.addAll(below(location, region, selection, skipped, cancel,
                    (l, p, s, k, c) -> days(l, p, s.filter(), k, c)));
        }
        return prefixes;
    }

    private List<String> days(S3Location location, String region, SourceFilter filter, List<Skipped> skipped,
                              Cancellation cancel) throws S3Failure {
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        if (from == null && to == null) {
            return List.of(region);
        }
        if (from != null && to != null && from.plusDays(MAX_DAY_PREFIXES).isAfter(to)) {
            List<String> days = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(region + String.format(Locale.ROOT, "%04d/%02d/%02d/", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
            }
            return days;
        }
        List<String> days = new ArrayList<>();
        for (String year : folders(location, region, cancel)) {
            for (String month : overlapping(folders(location, year, cancel), from, to, 2)) {
                days.addAll(overlapping(folders(location, month, cancel), from, to, 3));
            }
        }
        return days;
    }

    /** Keeps the YYYY/MM or YYYY/MM/DD folders that can hold days in [from, to]. */
    private static List<String> overlapping(List<String> folders, LocalDate from, LocalDate to, int parts) {
        List<String> kept = new ArrayList<>();
        for (String folder : folders) {
            String[] p = folder.split("/");
            try {
                int year = Integer.parseInt(p[p.length - parts]);
                int month = Integer.parseInt(p[p.length - parts + 1]);
                LocalDate first = parts == 3 ? LocalDate.of(year, month, Integer.parseInt(p[p.length - 1]))
                        : LocalDate.of(year, month, 1);
                LocalDate last = parts == 3 ? first : first.plusMonths(1).minusDays(1);
                if ((from == null || !last.isBefore(from)) && (to == null || !first.isAfter(to))) {
                    kept.add(folder);
                }
            } catch (RuntimeException notADate) {
                kept.add(folder); // not the date layout: keep it and let each key's path decide
            }
        }
        return kept;
    }

    @FunctionalInterface
    private interface Level {
        List<String> expand(S3Location location, String prefix, S3Selection selection, List<Skipped> skipped,
                            Cancellation cancel) throws S3Failure;
    }

    /** One branch of the walk: a prefix that cannot be listed is reported and the others go on. */
    private List<String> below(S3Location location, String prefix, S3Selection selection, List<Skipped> skipped,
                               Cancellation cancel, Level level) {
        try {
            return level.expand(location, prefix, selection, skipped, cancel);
        } catch (S3Failure e) {
            skipped.add(new Skipped(S3Location.uri(location.bucket(), prefix), e.getMessage()));
            return List.of();
        }
    }

    private List<String> folders(S3Location location, String prefix, Cancellation cancel) throws S3Failure {
        requests.incrementAndGet();
        return lister.folders(location.bucket(), prefix, cancel);
    }

    private static boolean wantsAccount(S3Selection selection, String account) {
        return selection.filter().accounts().isEmpty() || selection.filter().accounts().contains(account);
    }

    private static String last(String folder) {
        String trimmed = folder.substring(0, folder.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}

package org.trailworkbench.ui.integrity;

import javafx.scene.control.TreeItem;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationItem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The tree of the view: account · region, then day, then the digests and log files of that day, each
 * group saying how many of its files failed. Built afresh from the items (cheap: a few thousand small
 * objects) so that a filter or a batch of verdicts is one call.
 */
final class ItemTree {

    /** A line of the tree: a group (item null) or a file. */
    record Row(String name, VerificationItem item, Verdict verdict, String state, String reason, String path) {

        boolean isGroup() {
            return item == null;
        }
    }

    private ItemTree() {
    }

    /**
     * @param expanded group paths the user has open ("scope" and "scope/day"), kept across rebuilds
     */
    static TreeItem<Row> build(List<VerificationItem> items, Predicate<VerificationItem> show, Set<String> expanded) {
        Map<String, Map<String, java.util.List<VerificationItem>>> groups = new TreeMap<>();
        for (VerificationItem item : items) {
            if (show.test(item)) {
                Place p = Place.of(item.key());
                groups.computeIfAbsent(p.scope(), s -> new TreeMap<>())
                        .computeIfAbsent(p.day(), d -> new java.util.ArrayList<>()).add(item);
            }
        }
        TreeItem<Row> root = new TreeItem<>(new Row("", null, null, "", "", ""));
        root.setExpanded(true);
        groups.forEach((scope, days) -> {
            java.util.List<VerificationItem> all = days.values().stream().flatMap(List::stream).toList();
            TreeItem<Row> scopeItem = group(scope, all, scope, expanded);
            days.forEach((day, files) -> {
                TreeItem<Row> dayItem = group(day, files, scope + "/" + day, expanded);
                files.stream().sorted(Comparator.comparing((VerificationItem i) -> i.kind() != ItemKind.DIGEST)
                                .thenComparing(VerificationItem::key))
                        .forEach(i -> dayItem.getChildren().add(new TreeItem<>(file(i))));
                scopeItem.getChildren().add(dayItem);
            });
            root.getChildren().add(scopeItem);
        });
        return root;
    }

    private static TreeItem<Row> group(String name, List<VerificationItem> files, String path, Set<String> expanded) {
        long failed = files.stream().filter(i -> i.verdict().fails()).count();
        long pending = files.stream().filter(i -> !i.isSettled()).count();
        long digests = files.stream().filter(i -> i.kind() == ItemKind.DIGEST).count();
        String state = failed > 0 ? String.format("%,d of %,d files failed", failed, files.size())
                : pending > 0 ? String.format("%,d of %,d pending", pending, files.size())
                : String.format("all %,d valid or notices", files.size());
        Verdict worst = files.stream().map(VerificationItem::verdict).filter(Verdict::fails).findFirst()
                .orElse(pending > 0 ? Verdict.PENDING : null);
        String counts = String.format("%,d digests, %,d log files", digests,
                files.stream().filter(i -> i.kind() == ItemKind.LOG).count());
        TreeItem<Row> item = new TreeItem<>(new Row(name, null, worst, state, counts, path));
        item.setExpanded(expanded.contains(path));
        item.expandedProperty().addListener((obs, o, open) -> {
            if (open) {
                expanded.add(path);
            } else {
                expanded.remove(path);
            }
        });
        return item;
    }

    private static Row file(VerificationItem i) {
        String name = i.key().substring(i.key().lastIndexOf('/') + 1);
        String label = i.kind() == ItemKind.GAP ? "gap before " + name : name;
        return new Row(label, i, i.verdict(), i.kind().label() + ": " + i.verdict().words(),
                i.reason() == null ? "" : i.reason(), i.key());
    }
}

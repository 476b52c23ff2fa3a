package org.trailworkbench.ui.integrity;

import javafx.scene.control.TreeItem;
import org.trailworkbench.integrity.ItemKind;
import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The tree of the view: account · region, then day, then the digests and log files of that day, each
 * group saying how many of its files failed. Kept up to date in place: a batch of new files adds rows, a
 * batch of verdicts replaces the value of those rows and of their groups only, so the cost of a batch is
 * its size, not the number of files verified (fifteen thousand at five batches a second must not freeze
 * the window).
 */
final class ItemTree {

    /**
     * A line of the tree: a group (item null) or a file. Its text changes in place, on the FX thread, and
     * the view redraws the visible lines once per batch: replacing the values of thousands of tree items
     * would send an event up the tree for each.
     */
    static final class Row {
        private final String name;
        private final VerificationItem item;
        private final String path;
        private Verdict verdict;
        private String state;
        private String reason;

        Row(String name, VerificationItem item, String path) {
            this.name = name;
            this.item = item;
            this.path = path;
        }

        boolean isGroup() {
            return item == null;
        }

        String name() {
            return name;
        }

        VerificationItem item() {
            return item;
        }

        /** The verdict shown (a group's worst), or null for a group with nothing failed or pending. */
        Verdict verdict() {
            return verdict;
        }

        String state() {
            return state;
        }

        String reason() {
            return reason;
        }

        String path() {
            return path;
        }

        /** Whether the text changed. */
        boolean show(Verdict verdict, String state, String reason) {
            boolean changed = verdict != this.verdict || !state.equals(this.state) || !reason.equals(this.reason);
            this.verdict = verdict;
            this.state = state;
            this.reason = reason;
            return changed;
        }
    }

    private static final Comparator<TreeItem<Row>> FILE_ORDER = Comparator
            .comparing((TreeItem<Row> t) -> t.getValue().item().kind() != ItemKind.DIGEST)
            .thenComparing(t -> t.getValue().item().key());

    private final TreeItem<Row> root = new TreeItem<>(new Row("", null, ""));
    private final Set<String> expanded;
    private final Map<String, Group> scopes = new TreeMap<>();
    private final Map<VerificationItem, TreeItem<Row>> files = new HashMap<>();

    /** @param expanded group paths the user has open ("scope" and "scope/day"), kept across rebuilds */
    ItemTree(Set<String> expanded) {
        this.expanded = expanded;
        root.setExpanded(true);
    }

    /** A tree of the items the filter shows. */
    static ItemTree of(List<Located> items, Predicate<VerificationItem> show, Set<String> expanded) {
        ItemTree tree = new ItemTree(expanded);
        tree.add(items.stream().filter(l -> show.test(l.item())).toList());
        return tree;
    }

    TreeItem<Row> root() {
        return root;
    }

    /** New files: one change per day group (and one for new groups), whatever the number of files. */
    void add(List<Located> items) {
        Map<Group, List<TreeItem<Row>>> byDay = new HashMap<>();
        Set<Group> changed = new LinkedHashSet<>();
        List<Group> newScopes = new ArrayList<>();
        for (Located located : items) {
            Group scope = scopes.computeIfAbsent(located.place().scope(), name -> {
                Group g = new Group(name, name, null);
                newScopes.add(g);
                return g;
            });
            Group day = scope.days.computeIfAbsent(located.place().day(), name -> scope.newDay(name));
            TreeItem<Row> node = fileNode(located.item());
            files.put(located.item(), node);
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(node);
            day.count(node.getValue().verdict(), located.item().kind(), 1);
            scope.count(node.getValue().verdict(), located.item().kind(), 1);
            changed.add(day);
            changed.add(scope);
        }
        byDay.forEach(Group::insert);
        changed.forEach(Group::refresh);
        if (!newScopes.isEmpty()) {
            List<TreeItem<Row>> all = scopes.values().stream().map(g -> g.node).toList();
            root.getChildren().setAll(all);
        }
    }

    /**
     * Items that got (or changed) their verdict: their rows and their groups' rows change in place.
     *
     * @return whether any shown text changed (the view then redraws its visible lines)
     */
    boolean settle(List<VerificationItem> items) {
        Set<Group> changed = new LinkedHashSet<>();
        for (VerificationItem item : items) {
            TreeItem<Row> node = files.get(item);
            if (node == null) {
                continue; // not shown under the current filter
            }
            Verdict before = node.getValue().verdict();
            if (!show(node.getValue(), item)) {
                continue;
            }
            Group day = ((GroupItem) node.getParent()).group;
            for (Group g : List.of(day, day.scope)) {
                g.count(before, item.kind(), -1);
                g.count(item.verdict(), item.kind(), 1);
                changed.add(g);
            }
        }
        changed.forEach(Group::refresh);
        return !changed.isEmpty();
    }

    private static TreeItem<Row> fileNode(VerificationItem i) {
        String name = i.key().substring(i.key().lastIndexOf('/') + 1);
        Row row = new Row(i.kind() == ItemKind.GAP ? "gap before " + name : name, i, i.key());
        show(row, i);
        return new TreeItem<>(row);
    }

    private static boolean show(Row row, VerificationItem i) {
        Verdict verdict = i.verdict(); // read once: the engine may settle it meanwhile
        return row.show(verdict, i.kind().label() + ": " + verdict.words(), i.reason() == null ? "" : i.reason());
    }

    /** An account · region or a day: its node and the counts its row shows. */
    private final class Group {
        final String name;
        final String path;
        final Group scope;
        final Map<String, Group> days = new TreeMap<>();
        final TreeItem<Row> node;
        int total;
        int invalid;
        int unverified;
        int pending;
        int digests;
        int logs;
        Verdict anInvalid;
        Verdict anUnverified;

        Group(String name, String path, Group scope) {
            this.name = name;
            this.path = path;
            this.scope = scope;
            this.node = new GroupItem(this);
            node.setValue(new Row(name, null, path));
            node.setExpanded(expanded.contains(path));
            node.expandedProperty().addListener((obs, o, open) -> {
                if (open) {
                    expanded.add(path);
                } else {
                    expanded.remove(path);
                }
            });
        }

        Group newDay(String day) {
            Group g = new Group(day, path + "/" + day, this);
            List<TreeItem<Row>> shown = node.getChildren();
            int at = 0;
            while (at < shown.size() && shown.get(at).getValue().name().compareTo(day) < 0) {
                at++;
            }
            shown.add(at, g.node);
            return g;
        }

        void count(Verdict verdict, ItemKind kind, int delta) {
            total += delta;
            digests += kind == ItemKind.DIGEST ? delta : 0;
            logs += kind == ItemKind.LOG ? delta : 0;
            switch (verdict.category()) {
                case PENDING -> pending += delta;
                case INVALID -> {
                    invalid += delta;
                    anInvalid = verdict;
                }
                case UNVERIFIED -> {
                    unverified += delta;
                    anUnverified = verdict;
                }
                default -> {
                }
            }
        }

        /** New files of a day, in the day's order; appended when they all sort after the ones shown. */
        void insert(List<TreeItem<Row>> added) {
            added.sort(FILE_ORDER);
            javafx.collections.ObservableList<TreeItem<Row>> children = node.getChildren();
            if (children.isEmpty() || FILE_ORDER.compare(children.get(children.size() - 1), added.get(0)) <= 0) {
                children.addAll(added);
                return;
            }
            List<TreeItem<Row>> merged = new ArrayList<>(children);
            merged.addAll(added);
            merged.sort(FILE_ORDER);
            children.setAll(merged);
        }

        void refresh() {
            int failed = invalid + unverified;
            String state = failed > 0 ? String.format("%,d of %,d files failed", failed, total)
                    : pending > 0 ? String.format("%,d of %,d pending", pending, total)
                    : String.format("all %,d valid or notices", total);
            Verdict worst = invalid > 0 ? anInvalid : unverified > 0 ? anUnverified : pending > 0 ? Verdict.PENDING : null;
            node.getValue().show(worst, state, String.format("%,d digests, %,d log files", digests, logs));
        }
    }

    /** A group's tree node, which knows its group (a file's parent leads to the counts to update). */
    private static final class GroupItem extends TreeItem<Row> {
        final Group group;

        GroupItem(Group group) {
            this.group = group;
        }
    }
}

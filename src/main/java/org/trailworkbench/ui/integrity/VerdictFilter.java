package org.trailworkbench.ui.integrity;

import org.trailworkbench.integrity.Verdict;
import org.trailworkbench.integrity.VerificationItem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A choice of the verdict filter: everything, the failures, or one verdict. */
record VerdictFilter(String label, Predicate<VerificationItem> test) {

    static final VerdictFilter ALL = new VerdictFilter("All files", i -> true);
    static final VerdictFilter PROBLEMS = new VerdictFilter("Problems only (INVALID and NOT CHECKED)", i -> i.verdict().fails());

    static VerdictFilter of(Verdict v) {
        return new VerdictFilter(v.label(), i -> i.verdict() == v);
    }

    /** All, problems, then each verdict that occurs among the items, in the engine's order. */
    static List<VerdictFilter> choices(Set<Verdict> verdicts) {
        Set<Verdict> present = verdicts.isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(verdicts);
        List<VerdictFilter> list = new ArrayList<>(List.of(ALL, PROBLEMS));
        present.forEach(v -> list.add(of(v)));
        return list;
    }

    @Override
    public String toString() {
        return label;
    }
}

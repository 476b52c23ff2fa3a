package org.trailworkbench.ui.insights;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.InsightsRequest;
import org.trailworkbench.insights.InsightsResult;
import org.trailworkbench.insights.InsightsService;
import org.trailworkbench.insights.InsightsSource;
import org.trailworkbench.ui.tasks.Running;
import org.trailworkbench.ui.tasks.TaskRunner;

/**
 * The anomalies of the open case, AWS's and locally detected, over the whole case: computed in the
 * background when a case opens and on {@link #refresh()}, never on the FX thread. A newer computation
 * cancels an older one. The case is what Insights reads of it, local or remote alike.
 */
public final class InsightsModel {

    private final ObservableList<Anomaly> anomalies = FXCollections.observableArrayList();
    private final ObjectProperty<InsightsResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final TaskRunner tasks;
    private InsightsSource current;
    private Running<InsightsResult> computing;
    /** Counts the computations started; only the newest one's outcome is shown. */
    private long generation;

    public InsightsModel(ReadOnlyObjectProperty<InsightsSource> openCase, TaskRunner tasks) {
        this.tasks = tasks;
        openCase.addListener((obs, old, c) -> {
            current = c;
            anomalies.clear();
            refresh();
        });
        current = openCase.get();
        refresh();
    }

    public void refresh() {
        if (computing != null) {
            computing.cancel();
        }
        InsightsSource c = current;
        if (c == null) {
            return;
        }
        running.set(true);
        failure.set(null);
        long mine = ++generation;
        computing = tasks.run(cancel -> new InsightsService(c).list(InsightsRequest.all(), cancel), r -> {
            if (generation == mine) {
                result.set(r);
                anomalies.setAll(r.anomalies());
                running.set(false);
            }
        }, error -> {
            if (generation == mine) { // an older computation's end (cancelled, most often) is nobody's news
                failure.set(error);
                running.set(false);
            }
        });
    }

    public ObservableList<Anomaly> anomalies() {
        return anomalies;
    }

    public ReadOnlyObjectProperty<InsightsResult> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}

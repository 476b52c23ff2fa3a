package org.trailworkbench.ui.insights;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.insights.Anomaly;
import org.trailworkbench.insights.InsightsRequest;
import org.trailworkbench.insights.InsightsResult;
import org.trailworkbench.insights.InsightsService;
import org.trailworkbench.task.Cancellation;
import org.trailworkbench.ui.FxTasks;

/**
 * The anomalies of the open case, AWS's and locally detected, over the whole case: computed in the
 * background when a case opens and on {@link #refresh()}, never on the FX thread. A newer computation
 * cancels an older one.
 */
public final class InsightsModel {

    private final ObservableList<Anomaly> anomalies = FXCollections.observableArrayList();
    private final ObjectProperty<InsightsResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private Case current;
    private Cancellation cancellation = new Cancellation();

    public InsightsModel(ReadOnlyObjectProperty<Case> openCase) {
        openCase.addListener((obs, old, c) -> {
            current = c;
            anomalies.clear();
            refresh();
        });
        current = openCase.get();
        refresh();
    }

    public void refresh() {
        cancellation.cancel();
        Case c = current;
        if (c == null) {
            return;
        }
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        running.set(true);
        failure.set(null);
        FxTasks.run(() -> new InsightsService(c.index()).list(InsightsRequest.all(), cancel), r -> {
            if (cancellation == cancel) {
                result.set(r);
                anomalies.setAll(r.anomalies());
                running.set(false);
            }
        }, error -> {
            if (cancellation == cancel) {
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

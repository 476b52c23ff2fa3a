package org.trailworkbench.ui.theme;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import java.util.HashMap;
import java.util.Map;

/**
 * The in-app icons, drawn from the SVGs in the repository's {@code icons/ui/} and rendered to PNG for each
 * theme (see icons/README.md). An icon view switches image when the theme does.
 */
public final class Icons {

    public static final double SIZE = 16;

    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final Map<String, Image> cache = new HashMap<>();

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ImageView view(String name) {
        ImageView view = new ImageView();
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setSmooth(true);
        view.imageProperty().bind(Bindings.createObjectBinding(() -> image(name, dark.get()), dark));
        view.getStyleClass().add("icon");
        return view;
    }

    public Image image(String name, boolean forDark) {
        String file = "icons/" + name + (forDark ? "-dark" : "") + ".png";
        return cache.computeIfAbsent(file, f -> {
            var url = Icons.class.getResource("/org/trailworkbench/ui/" + f);
            if (url == null) {
                throw new IllegalArgumentException("no icon " + f + " on the classpath; run IconRenderer");
            }
            return new Image(url.toExternalForm());
        });
    }
}

package org.trailworkbench.ui;

import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Renders the hand-written SVGs under {@code icons/} to the PNGs the app loads from its classpath. It
 * understands what those files use and no more: {@code <path>} and {@code <rect>} with fill, stroke,
 * stroke-width and round caps, inherited from the root. {@code currentColor} becomes the theme's icon colour:
 * each in-app icon is written twice, for the light and the dark theme, at 32 px (shown at 16, sharp on
 * HiDPI). Run after editing an icon (see icons/README.md); IconsTest checks every SVG has its PNGs.
 */
public final class IconRenderer {

    static final Color LIGHT_THEME_INK = Color.web("#3b4452");
    static final Color DARK_THEME_INK = Color.web("#c8d0da");
    static final Path UI_ICONS = Path.of("icons/ui");
    static final Path APP_ICON = Path.of("icons/app/trail-workbench.svg");
    static final Path RESOURCES = Path.of("src/main/resources/org/trailworkbench/ui");

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                renderAll();
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
        Platform.exit();
    }

    private static void renderAll() throws Exception {
        try (var files = Files.list(UI_ICONS)) {
            for (Path svg : files.filter(f -> f.toString().endsWith(".svg")).sorted().toList()) {
                String name = svg.getFileName().toString().replace(".svg", "");
                render(svg, 32, LIGHT_THEME_INK, RESOURCES.resolve("icons/" + name + ".png"));
                render(svg, 32, DARK_THEME_INK, RESOURCES.resolve("icons/" + name + "-dark.png"));
            }
        }
        for (int size : new int[]{16, 32, 64, 128, 256}) {
            render(APP_ICON, size, Color.BLACK, RESOURCES.resolve("app-icon-" + size + ".png"));
        }
    }

    static void render(Path svg, int size, Color ink, Path png) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        String[] box = root.getAttribute("viewBox").trim().split("\\s+");
        double viewSize = Double.parseDouble(box[2]);
        Group shapes = new Group();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                Shape shape = switch (e.getTagName()) {
                    case "path" -> {
                        SVGPath p = new SVGPath();
                        p.setContent(e.getAttribute("d"));
                        yield p;
                    }
                    case "rect" -> {
                        Rectangle r = new Rectangle(num(e, "x"), num(e, "y"), num(e, "width"), num(e, "height"));
                        r.setArcWidth(2 * num(e, "rx"));
                        r.setArcHeight(2 * num(e, "rx"));
                        yield r;
                    }
                    default -> null;
                };
                if (shape != null) {
                    style(shape, e, root, ink);
                    shapes.getChildren().add(shape);
                }
            }
        }
        Group scaled = new Group(shapes);
        double k = size / viewSize;
        scaled.getTransforms().add(new Scale(k, k));
        Rectangle frame = new Rectangle(size, size, Color.TRANSPARENT); // fixes the snapshot's bounds
        Group canvas = new Group(frame, scaled);
        canvas.setClip(new Rectangle(size, size));
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        Png.write(((Node) canvas).snapshot(params, null), png);
    }

    private static void style(Shape shape, Element e, Element root, Color ink) {
        shape.setFill(paint(attr(e, root, "fill", "black"), ink));
        shape.setStroke(paint(attr(e, root, "stroke", "none"), ink));
        shape.setStrokeWidth(Double.parseDouble(attr(e, root, "stroke-width", "1")));
        shape.setStrokeLineCap("round".equals(attr(e, root, "stroke-linecap", "butt")) ? StrokeLineCap.ROUND : StrokeLineCap.BUTT);
        shape.setStrokeLineJoin("round".equals(attr(e, root, "stroke-linejoin", "miter")) ? StrokeLineJoin.ROUND : StrokeLineJoin.MITER);
    }

    private static String attr(Element e, Element root, String name, String fallback) {
        if (e.hasAttribute(name)) {
            return e.getAttribute(name);
        }
        return root.hasAttribute(name) ? root.getAttribute(name) : fallback;
    }

    private static Paint paint(String value, Color ink) {
        return switch (value) {
            case "none" -> null;
            case "currentColor" -> ink;
            default -> Color.web(value);
        };
    }

    private static double num(Element e, String name) {
        return e.hasAttribute(name) ? Double.parseDouble(e.getAttribute(name)) : 0;
    }
}

package org.trailworkbench.ui;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every icon drawn under icons/ui has its rendered PNGs for both themes, and they are not blank. */
class IconsTest {

    @Test
    void everySvgHasItsPngsForBothThemes() throws Exception {
        List<Path> svgs;
        try (var files = Files.list(IconRenderer.UI_ICONS)) {
            svgs = files.filter(f -> f.toString().endsWith(".svg")).toList();
        }
        assertThat(svgs).hasSizeGreaterThan(10);
        for (Path svg : svgs) {
            String name = svg.getFileName().toString().replace(".svg", "");
            for (String variant : List.of(name + ".png", name + "-dark.png")) {
                Path png = IconRenderer.RESOURCES.resolve("icons/" + variant);
                assertThat(png).as("rendered icon for " + svg).exists();
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(image.getWidth()).isEqualTo(32);
                assertThat(inkedPixels(image)).as(variant + " is not blank").isGreaterThan(20);
            }
        }
        assertThat(IconRenderer.RESOURCES.resolve("app-icon-64.png")).exists();
    }

    private static int inkedPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 64) {
                    n++;
                }
            }
        }
        return n;
    }
}

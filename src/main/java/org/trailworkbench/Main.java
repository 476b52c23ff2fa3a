package org.trailworkbench;

/**
 * One jar, two faces: with arguments it is the command line (no JavaFX is loaded), without it opens the
 * workbench window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            org.trailworkbench.cli.TrailCli.main(args);
            return;
        }
        org.trailworkbench.ui.WorkbenchApp.launchApp(args);
    }
}

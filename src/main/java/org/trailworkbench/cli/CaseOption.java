package org.trailworkbench.cli;

import org.trailworkbench.casefile.Case;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --case DIR}, which every command takes. */
final class CaseOption {

    @Option(names = "--case", required = true, paramLabel = "DIR",
            description = "The case folder (created by the first import).")
    Path dir;

    /** For commands that read: a missing case is an error, not a new empty case. */
    Case openExisting() throws IOException, CliFailure {
        return Case.open(existingFolder());
    }

    /** The folder of an existing case, for commands that work on a case that may not open (check, rebuild). */
    Path existingFolder() throws CliFailure {
        if (!Case.isCase(dir)) {
            if (!Files.exists(dir)) {
                throw new CliFailure("no case at " + dir + " (create one with: trail-workbench import --case "
                        + dir + " LOGS)");
            }
            throw new CliFailure(dir + " is not a Trail Workbench case (it has no case.json)");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** For import: creates the case when the folder is new or empty. */
    Case openOrCreate() throws IOException {
        return Case.open(dir);
    }
}

package org.trailworkbench.cli;

import org.trailworkbench.casefile.Case;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.remote.RemoteTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --case DIR|URL}, which every command takes: a case folder, or a remote case (an OpenSearch index at a
 * URL) with its basic-auth credentials from {@code --user}/{@code --password} or the environment.
 */
final class CaseOption {

    static final String USER_ENV = "TRAILWORKBENCH_OPENSEARCH_USER";
    static final String PASSWORD_ENV = "TRAILWORKBENCH_OPENSEARCH_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--case", required = true, paramLabel = "DIR|URL",
            description = {"The case folder (created by the first import),", "or a remote case, an OpenSearch index:",
                    "  opensearch://host:9200/INDEX", "  opensearchs://host:9200/INDEX (TLS)", "  https://host/INDEX (TLS)"})
    String location;

    @Option(names = "--user", paramLabel = "USER",
            description = "Basic-auth user of a remote case (default: $" + USER_ENV + ").")
    String user;

    // a password given here shows in the process list: the environment variable is the better place
    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Basic-auth password of a remote case (default: $" + PASSWORD_ENV
                    + ", which other users cannot see in the process list).")
    String password;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait for each answer of a remote case's cluster (default: 120).")
    Integer timeoutSeconds;

    boolean isRemote() {
        return RemoteTarget.isRemote(location);
    }

    /** The case folder as given; for a remote case, the one line saying this command cannot use it yet. */
    Path dir() throws CliFailure {
        if (isRemote()) {
            throw new CliFailure(spec.qualifiedName() + " does not work on a remote case yet (" + location
                    + "); it needs a case folder");
        }
        if (user != null || password != null || timeoutSeconds != null) {
            throw new ParameterException(spec.commandLine(), "--user, --password and --timeout apply to a remote case "
                    + "(--case opensearch://host:9200/INDEX) only");
        }
        return Path.of(location);
    }

    /** For commands that read: a missing case is an error, not a new empty case. */
    Case openExisting() throws IOException, CliFailure {
        return Case.open(existingFolder());
    }

    /** The folder of an existing case, for commands that work on a case that may not open (check, rebuild). */
    Path existingFolder() throws CliFailure {
        Path dir = dir();
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
    Case openOrCreate() throws IOException, CliFailure {
        return Case.open(dir());
    }

    /** For commands that only search (search, facets, timeline, export, stats): a local or a remote case. */
    CaseEvents openEvents() throws IOException, CliFailure {
        if (isRemote()) {
            return CaseEvents.remote(connect().requireIndex());
        }
        return CaseEvents.local(openExisting());
    }

    /** The remote case named by --case, connected (the cluster answered); its index may not exist yet. */
    RemoteCase connect() throws IOException {
        return RemoteCase.connect(target(), answerTimeout());
    }

    java.time.Duration answerTimeout() {
        if (timeoutSeconds == null) {
            return RemoteCase.DEFAULT_ANSWER_TIMEOUT;
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout: at least 1 second, not " + timeoutSeconds);
        }
        return java.time.Duration.ofSeconds(timeoutSeconds);
    }

    RemoteTarget target() {
        String u = user != null ? user : System.getenv(USER_ENV);
        String p = password != null ? password : System.getenv(PASSWORD_ENV);
        try {
            return RemoteTarget.parse(location, u == null || u.isEmpty() ? null : u, p);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--case: " + e.getMessage());
        }
    }
}

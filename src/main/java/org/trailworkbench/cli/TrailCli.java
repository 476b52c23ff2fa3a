package org.trailworkbench.cli;

import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trailworkbench.index.DamagedIndexException;
import org.trailworkbench.logging.Logs;
import org.trailworkbench.search.QuerySyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The command line: {@code trail-workbench <command> --case DIR ...}. Lives in the same jar as the window
 * but never touches JavaFX. Errors reach the user as one line on stderr, never a stack trace; exit codes
 * are {@value #OK} for success, {@value #USAGE} for a usage error (a bad query included) and
 * {@value #FAILURE} for anything else.
 */
@Command(name = "trail-workbench", mixinStandardHelpOptions = true, versionProvider = TrailCli.Version.class,
        description = {"Import, search and export AWS CloudTrail logs kept in a case folder or an OpenSearch index.",
                "A remote case: --case opensearch://host:9200/INDEX (opensearchs:// or https:// for TLS), with --user and "
                        + "--password or $" + CaseOption.USER_ENV + " and $" + CaseOption.PASSWORD_ENV
                        + ", or --aws-sigv4 for Amazon OpenSearch Service."},
        footer = {"", "Without a command the jar opens the workbench window. See docs/CLI.md for examples."},
        subcommands = {ImportCommand.class, SearchCommand.class, FacetsCommand.class, TimelineCommand.class,
                ExportCommand.class, StatsCommand.class, CheckCommand.class, RebuildCommand.class,
                VerifyCommand.class, InsightsCommand.class, DownloadCommand.class})
public final class TrailCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** What shells report for a command stopped by Ctrl-C. */
    public static final int CANCELLED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(TrailCli.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** On every command: the workbench's own log lines on stderr too, not only in the log file. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print the workbench's log lines (not only warnings) on stderr; verify also lists the valid files.")
    void verbose(boolean on) {
        verbose = on;
        if (on) {
            Logs.verbose();
        }
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final Interrupts interrupts;
    private boolean verbose;

    private TrailCli(PrintWriter out, PrintWriter err, boolean interactive, Interrupts interrupts) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.interrupts = interrupts;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8));
        Interrupts interrupts = Interrupts.install();
        int code = run(out, err, System.console() != null, interrupts, args);
        if (interrupts.finished()) {
            System.exit(code);
        }
        // Ctrl-C is shutting the JVM down already: returning lets its hook finish and the JVM end.
    }

    /** Runs one command on the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)), args);
    }

    /** Runs one command writing to the given streams (flushed, not closed); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, Interrupts.none(), args);
    }

    /**
     * @param interactive whether stderr is a person's terminal: progress is drawn as one updating line
     * @param interrupts  where Ctrl-C arrives as a cancellation
     */
    static int run(PrintWriter out, PrintWriter err, boolean interactive, Interrupts interrupts, String... args) {
        CommandLine cli = new CommandLine(new TrailCli(out, err, interactive, interrupts))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(usageErrors())
                .setExecutionExceptionHandler(failures());
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Without a command: the usage, as an error, since the jar only gets here with arguments. */
    @Override
    public Integer call() {
        err.println("error: missing command");
        spec.commandLine().usage(err);
        return USAGE;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    boolean interactive() {
        return interactive;
    }

    Interrupts interrupts() {
        return interrupts;
    }

    private static IParameterExceptionHandler usageErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + firstLine(e.getMessage()));
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        };
    }

    private static IExecutionExceptionHandler failures() {
        return (Exception e, CommandLine cmd, CommandLine.ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof ParameterException usage) {
                return usageErrors().handleParseException(usage, parsed.originalArgs().toArray(String[]::new));
            }
            if (e instanceof QuerySyntaxException syntax) {
                err.println("error: " + firstLine(syntax.getMessage()));
                return USAGE;
            }
            // the user reads one line; the log file keeps the stack trace for a bug report
            LOG.info("{} failed", cmd.getCommandSpec().qualifiedName(), e);
            err.println("error: " + describe(e));
            return FAILURE;
        };
    }

    /** The one line a user reads for a failure: what happened and to what, without Java class names. */
    static String describe(Throwable e) {
        if (e instanceof CliFailure || e instanceof IllegalArgumentException) {
            return firstLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        if (e instanceof DamagedIndexException damaged) {
            Path caseDir = damaged.indexDir().getParent();
            return damaged.getMessage() + "; see what is wrong with 'trail-workbench check --case " + caseDir
                    + "' and repair it with 'trail-workbench rebuild --case " + caseDir + "'";
        }
        if (e instanceof LockObtainFailedException) {
            return "the case is busy: another import (in this or another program) is writing to it";
        }
        if (e instanceof NoSuchFileException missing) {
            return (missing.getReason() == null ? "no such file or folder" : missing.getReason()) + ": "
                    + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile();
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return firstLine(e.getMessage());
        }
        String message = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
        return "unexpected " + e.getClass().getSimpleName() + message;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    /** The version the jar's manifest names, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TrailCli.class.getPackage().getImplementationVersion();
            return new String[]{"trail-workbench " + (version == null ? "(development build)" : version)};
        }
    }
}

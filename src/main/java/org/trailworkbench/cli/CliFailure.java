package org.trailworkbench.cli;

/** A failure the user can act on, with a message that says how; exits with {@link TrailCli#FAILURE}. */
final class CliFailure extends Exception {

    CliFailure(String message) {
        super(message);
    }
}

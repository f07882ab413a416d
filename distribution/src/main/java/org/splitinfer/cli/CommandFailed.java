package org.splitinfer.cli;

/**
 * The work failed after the command printed what it could (a row that could not be estimated, a plan with no
 * winner) and its one-line error: the tool exits 1 without another message.
 */
final class CommandFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailed() {
        super(null, null, false, false);
    }
}

package dev.qapi.cli;

/** Bad command-line arguments: reported with the usage line, exit status 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}

package dev.qapi.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code qapi-gen} subcommand. */
interface Subcommand {
    /** {@code check SCHEMA.json...}: the synopsis line. */
    String usage();

    /** One line saying what it does. */
    String summary();

    /**
     * Runs with the arguments after the subcommand's name; returns the exit status.
     *
     * @throws UsageException for bad arguments
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}

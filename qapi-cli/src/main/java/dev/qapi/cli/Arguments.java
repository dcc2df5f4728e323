package dev.qapi.cli;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the subcommands that read one schema share: option values, the schema argument, loading it. */
final class Arguments {
    private Arguments() {
    }

    /**
     * The value of an option at {@code args[i]}.
     *
     * @throws UsageException {@code missing} when there is none
     */
    static String value(List<String> args, int i, String missing) {
        if (i >= args.size() || args.get(i).isEmpty()) {
            throw new UsageException(missing);
        }
        return args.get(i);
    }

    /**
     * The symbol of {@code -D SYMBOL} or {@code -DSYMBOL}, the option being {@code args[i]}; in the first
     * form the caller skips the next argument.
     */
    static String define(List<String> args, int i) {
        String arg = args.get(i);
        return arg.length() > 2 ? arg.substring(2) : value(args, i + 1, "-D needs a SYMBOL");
    }

    /**
     * The one schema file, given {@code arg} that is not an option of the subcommand's own.
     *
     * @param current the schema file seen so far, or null
     * @throws UsageException for an unknown option or a second schema file
     */
    static String schema(String current, String arg) {
        if (arg.startsWith("-") && arg.length() > 1) {
            throw new UsageException("unknown option '" + arg + "'");
        }
        if (current != null) {
            throw new UsageException("only one schema file may be given");
        }
        return arg;
    }

    /**
     * The path an option names.
     *
     * @throws UsageException when it is no path at all (a NUL character, say)
     */
    static Path path(String value, String option) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value + "' is not a valid path: " + e.getReason());
        }
    }

    /** Requires the schema file. */
    static String required(String schemaPath) {
        if (schemaPath == null) {
            throw new UsageException("no schema file given");
        }
        return schemaPath;
    }

    /**
     * {@code args[i]} as a count of at least 1, or {@code fallback} when there is no such argument.
     *
     * @throws UsageException when it is not a positive whole number
     */
    static int count(String[] args, int i, String name, int fallback) {
        if (i >= args.length) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(args[i]);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive whole number, not '" + args[i] + "'");
    }

    /** Loads the schema, or prints QEMU's message for it on {@code err} and returns empty. */
    static Optional<Schema> load(String schemaPath, PrintStream err) {
        try {
            return Optional.of(SchemaLoader.load(schemaPath));
        } catch (QapiError e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }
}

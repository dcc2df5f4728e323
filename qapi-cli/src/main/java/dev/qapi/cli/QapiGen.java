package dev.qapi.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code qapi-gen}: the QAPI toolchain from the command line.
 *
 * <pre>
 * java -jar qapi-gen.jar check SCHEMA.json...
 * </pre>
 *
 * Exit status: 0 when the work succeeded, 1 when a schema is invalid or a file cannot be read or written,
 * 2 for a usage error (the README lists them).
 */
public final class QapiGen {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private static final Map<String, Subcommand> SUBCOMMANDS = Map.of("check", new CheckCommand(),
            "introspect", new IntrospectCommand(), "java", new JavaCommand(), "doc", new DocCommand(),
            "compat", new CompatCommand());

    private QapiGen() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one invocation; returns the exit status. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return USAGE;
        }
        String name = args[0];
        if (name.equals("-h") || name.equals("--help") || name.equals("help")) {
            out.print(usage());
            return OK;
        }
        Subcommand sub = SUBCOMMANDS.get(name);
        if (sub == null) {
            err.println("qapi-gen: unknown command '" + name + "'");
            err.print(usage());
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return sub.run(rest, out, err);
        } catch (UsageException e) {
            err.println("qapi-gen " + name + ": " + e.getMessage());
            err.println("usage: qapi-gen " + sub.usage());
            return USAGE;
        } catch (RuntimeException e) {
            // A bug of ours: say so plainly, with what we were doing, but no stack trace.
            err.println("qapi-gen " + name + ": internal error: " + e);
            return INVALID;
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: qapi-gen COMMAND [ARGS]\n\ncommands:\n");
        SUBCOMMANDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                sb.append("  qapi-gen ").append(e.getValue().usage()).append("\n      ")
                        .append(e.getValue().summary()).append('\n'));
        return sb.toString();
    }
}

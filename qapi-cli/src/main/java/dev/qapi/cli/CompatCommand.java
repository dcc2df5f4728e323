package dev.qapi.cli;

import dev.qapi.compat.CompatInput;
import dev.qapi.compat.CompatInputException;
import dev.qapi.compat.CompatOptions;
import dev.qapi.compat.CompatReport;
import dev.qapi.compat.WireSchema;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code qapi-gen compat [--format text|json] [--strict] [-D SYMBOL]... OLD NEW}: what a client of OLD
 * finds broken in NEW. Each side is a schema file or {@code query-qmp-schema} data. The findings go to
 * stdout (text: one a line, severity first; or JSON), a summary line to stderr.
 *
 * <p>Exit status: 0 no breaking finding, 1 breaking findings, 2 usage error, 3 invalid input (the located
 * message on stderr, as {@code check} prints it for a schema).
 */
final class CompatCommand implements Subcommand {
    static final int BREAKING = 1;
    static final int INVALID_INPUT = 3;

    @Override
    public String usage() {
        return "compat [--format text|json] [--strict] [-D SYMBOL]... OLD NEW";
    }

    @Override
    public String summary() {
        return "report what breaks for clients of OLD in NEW (schema files or query-qmp-schema data)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean strict = false;
        Set<String> defines = null;
        String oldFile = null;
        String newFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--format") || arg.startsWith("--format=")) {
                String format = arg.equals("--format") ? Arguments.value(args, ++i, "--format needs text or json")
                        : arg.substring("--format=".length());
                if (!format.equals("text") && !format.equals("json")) {
                    throw new UsageException("--format must be text or json, not '" + format + "'");
                }
                json = format.equals("json");
            } else if (arg.equals("--strict")) {
                strict = true;
            } else if (arg.startsWith("-D")) {
                if (defines == null) {
                    defines = new LinkedHashSet<>();
                }
                defines.add(Arguments.define(args, i));
                i += arg.length() > 2 ? 0 : 1;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option '" + arg + "'");
            } else if (oldFile == null) {
                oldFile = arg;
            } else if (newFile == null) {
                newFile = arg;
            } else {
                throw new UsageException("only two inputs, OLD and NEW, may be given");
            }
        }
        if (newFile == null) {
            throw new UsageException(oldFile == null ? "OLD and NEW are needed" : "NEW is needed");
        }
        CompatReport report;
        try {
            WireSchema oldSchema = CompatInput.load(oldFile, defines);
            WireSchema newSchema = CompatInput.load(newFile, defines);
            report = CompatReport.compare(oldSchema, newSchema, new CompatOptions(strict));
        } catch (CompatInputException e) {
            err.println(e.getMessage());
            return INVALID_INPUT;
        } catch (RuntimeException e) {
            // a bug of ours; the status must not say "breaking"
            err.println("qapi-gen compat: internal error: " + e);
            return INVALID_INPUT;
        }
        out.print(json ? report.toJson() : report.toText());
        out.flush();
        err.println("qapi-gen compat: " + report.summary());
        return report.hasBreaking() ? BREAKING : QapiGen.OK;
    }
}

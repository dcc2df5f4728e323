package dev.qapi.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code qapi-gen check SCHEMA.json...}: validates each schema, reporting errors as QEMU does. */
final class CheckCommand implements Subcommand {

    @Override
    public String usage() {
        return "check SCHEMA.json...";
    }

    @Override
    public String summary() {
        return "check that each schema (with everything it includes) is valid";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("no schema file given");
        }
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        int status = QapiGen.OK;
        for (String schema : args) {
            if (Arguments.load(schema, err).isEmpty()) {
                status = QapiGen.INVALID;
            }
        }
        return status;
    }
}

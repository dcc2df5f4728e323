package dev.qapi.cli;

import dev.qapi.generator.introspect.Build;
import dev.qapi.generator.introspect.Introspection;
import dev.qapi.parser.schema.Schema;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code qapi-gen introspect [-u] [-D SYMBOL]... SCHEMA.json}: prints the schema's {@code query-qmp-schema}
 * data as QEMU's generator builds it, a JSON array with one entry per line.
 *
 * <p>{@code -u} (or QEMU's {@code --unmask-non-abi-names}) keeps type names instead of numbering them.
 * {@code -D SYMBOL} (or {@code -DSYMBOL}), repeatable, keeps only what the schema's conditions allow when
 * exactly those symbols are defined; without it, everything is kept.
 */
final class IntrospectCommand implements Subcommand {

    @Override
    public String usage() {
        return "introspect [-u] [-D SYMBOL]... SCHEMA.json";
    }

    @Override
    public String summary() {
        return "print the schema's query-qmp-schema data as QEMU's generator builds it";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean unmask = false;
        List<String> defined = null;
        String schemaPath = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-u") || arg.equals("--unmask-non-abi-names")) {
                unmask = true;
            } else if (arg.startsWith("-D")) {
                if (defined == null) {
                    defined = new ArrayList<>();
                }
                defined.add(Arguments.define(args, i));
                i += arg.length() > 2 ? 0 : 1;
            } else {
                schemaPath = Arguments.schema(schemaPath, arg);
            }
        }
        Optional<Schema> schema = Arguments.load(Arguments.required(schemaPath), err);
        if (schema.isEmpty()) {
            return QapiGen.INVALID;
        }
        Build build = defined == null ? Build.unconfigured() : Build.defining(defined);
        out.print(Introspection.of(schema.get(), new Introspection.Options(unmask, build)).toJson());
        out.flush();
        return QapiGen.OK;
    }
}

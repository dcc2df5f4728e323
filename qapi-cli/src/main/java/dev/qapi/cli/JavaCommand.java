package dev.qapi.cli;

import dev.qapi.generator.java.GeneratorOptions;
import dev.qapi.generator.java.JavaGenerator;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.generator.output.WriteResult;
import dev.qapi.parser.schema.Schema;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qapi-gen java -o DIR -p PACKAGE [-r RESDIR] [-D SYMBOL]... SCHEMA.json}: writes the schema's Java
 * bindings under {@code DIR} (and the introspection resource under {@code RESDIR}, by default {@code DIR}).
 * Files whose bytes did not change are not rewritten; the output is the same on every run.
 */
final class JavaCommand implements Subcommand {

    @Override
    public String usage() {
        return "java -o DIR -p PACKAGE [-r RESDIR] [-D SYMBOL]... [--client-only] SCHEMA.json";
    }

    @Override
    public String summary() {
        return "write the schema's Java bindings (types, commands, events, client, introspection; --client-only: no server side)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String outDir = null;
        String resDir = null;
        String packageName = null;
        Set<String> defined = null;
        String schemaPath = null;
        boolean clientOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-o" -> outDir = Arguments.value(args, ++i, "-o needs a DIR");
                case "-r" -> resDir = Arguments.value(args, ++i, "-r needs a DIR");
                case "-p" -> packageName = Arguments.value(args, ++i, "-p needs a PACKAGE");
                case "--client-only" -> clientOnly = true;
                default -> {
                    if (arg.startsWith("-D")) {
                        String symbol = arg.length() > 2 ? arg.substring(2) : Arguments.value(args, ++i, "-D needs a SYMBOL");
                        if (defined == null) {
                            defined = new LinkedHashSet<>();
                        }
                        defined.add(symbol);
                    } else if (arg.startsWith("-") && arg.length() > 1) {
                        throw new UsageException("unknown option '" + arg + "'");
                    } else if (schemaPath != null) {
                        throw new UsageException("only one schema file may be given");
                    } else {
                        schemaPath = arg;
                    }
                }
            }
        }
        if (outDir == null) {
            throw new UsageException("no output directory given (-o DIR)");
        }
        if (packageName == null) {
            throw new UsageException("no package given (-p PACKAGE)");
        }
        Arguments.required(schemaPath);
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(packageName, Optional.ofNullable(defined), !clientOnly);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path sources = Arguments.path(outDir, "-o");
        Path resources = resDir == null ? sources : Arguments.path(resDir, "-r");
        Optional<Schema> schema = Arguments.load(schemaPath, err);
        if (schema.isEmpty()) {
            return QapiGen.INVALID;
        }
        GeneratedFiles files = JavaGenerator.generate(schema.get(), options, Path.of(schemaPath).getFileName().toString());
        try {
            WriteResult result = files.writeTo(kind -> kind == GeneratedFile.Kind.RESOURCE ? resources : sources);
            out.println("qapi-gen: " + files.files().size() + " files, " + result.written() + " written, "
                    + result.unchanged() + " unchanged");
        } catch (UncheckedIOException e) {
            err.println("qapi-gen: " + e.getMessage());
            return QapiGen.INVALID;
        }
        return QapiGen.OK;
    }
}

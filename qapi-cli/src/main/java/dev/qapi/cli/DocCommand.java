package dev.qapi.cli;

import dev.qapi.generator.doc.DocFormat;
import dev.qapi.generator.doc.DocGenerator;
import dev.qapi.generator.doc.DocOptions;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.generator.output.WriteResult;
import dev.qapi.parser.schema.Schema;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qapi-gen doc -o DIR [--format html|markdown|both] [--title TITLE] SCHEMA.json}: writes the
 * schema's reference documentation under {@code DIR}: {@code index} and one page per module, as HTML
 * (with its stylesheet), Markdown or both (the default). Files whose bytes did not change are not rewritten.
 */
final class DocCommand implements Subcommand {

    @Override
    public String usage() {
        return "doc -o DIR [--format html|markdown|both] [--title TITLE] SCHEMA.json";
    }

    @Override
    public String summary() {
        return "write the schema's reference documentation (HTML and/or Markdown)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String outDir = null;
        Set<DocFormat> formats = EnumSet.allOf(DocFormat.class);
        String title = null;
        String schemaPath = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-o" -> outDir = Arguments.value(args, ++i, "-o needs a DIR");
                case "--format" -> formats = formats(Arguments.value(args, ++i, "--format needs html, markdown or both"));
                case "--title" -> title = Arguments.value(args, ++i, "--title needs a TITLE");
                default -> schemaPath = Arguments.schema(schemaPath, arg);
            }
        }
        if (outDir == null) {
            throw new UsageException("no output directory given (-o DIR)");
        }
        Arguments.required(schemaPath);
        DocOptions options = DocOptions.DEFAULT.withFormats(formats);
        if (title != null) {
            options = options.withTitle(title);
        }
        Optional<Schema> schema = Arguments.load(schemaPath, err);
        if (schema.isEmpty()) {
            return QapiGen.INVALID;
        }
        GeneratedFiles files = DocGenerator.generate(schema.get(), options);
        try {
            WriteResult result = files.writeTo(Path.of(outDir));
            out.println("qapi-gen: " + files.files().size() + " files, " + result.written() + " written, "
                    + result.unchanged() + " unchanged");
        } catch (UncheckedIOException e) {
            err.println("qapi-gen: " + e.getMessage());
            return QapiGen.INVALID;
        }
        return QapiGen.OK;
    }

    private static Set<DocFormat> formats(String name) {
        return switch (name) {
            case "html" -> EnumSet.of(DocFormat.HTML);
            case "markdown", "md" -> EnumSet.of(DocFormat.MARKDOWN);
            case "both" -> EnumSet.allOf(DocFormat.class);
            default -> throw new UsageException("unknown format '" + name + "' (html, markdown or both)");
        };
    }
}

package dev.qapi.generator.java;

import dev.qapi.generator.output.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources in-process (javax.tools) against the test class path, into a directory. */
final class InMemoryCompiler {

    /**
     * The outcome of a compilation.
     *
     * @param success whether javac succeeded
     * @param errors error diagnostics, one per line
     * @param warnings warning diagnostics other than deprecation, one per line
     */
    record Result(boolean success, List<String> errors, List<String> warnings) {
    }

    private InMemoryCompiler() {
    }

    static Result compile(List<GeneratedFile> sources, Path classesDir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (GeneratedFile f : sources) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + f.path()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return f.text();
                }
            });
        }
        try {
            Files.createDirectories(classesDir);
            StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
            List<String> options = List.of("--release", "17", "-Xlint:all,-deprecation,-processing", "-implicit:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classesDir.toString(), "-Xmaxerrs", "50",
                    "-Xmaxwarns", "50");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(InMemoryCompiler::describe).collect(Collectors.toList());
            List<String> warnings = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(InMemoryCompiler::describe).collect(Collectors.toList());
            return new Result(ok, errors, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        return where + d.getMessage(Locale.ROOT);
    }
}

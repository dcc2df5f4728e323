package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.parser.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java of the top README and of the runtime README compiles, against the bindings of the schema the
 * plugin README shows (in the package it configures), so that what a new user copies cannot rot. Every
 * block fenced {@code ```java} is a whole compilation unit; a block meant as an excerpt is fenced
 * {@code ```java fragment} and is not compiled; the top README's client quick start, fenced
 * {@code ```java qemu-qmp}, needs QEMU's bindings and is compiled and run by qemu-qmp's QuickStartTest.
 * (The plugin's {@code src/it/readme} builds and runs the same files with Maven.)
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");

    @TempDir
    Path tmp;

    @Test
    void theJavaOfTheTopAndRuntimeReadmesCompilesAgainstThePluginReadmesSchema() throws IOException {
        String pluginReadme = Files.readString(ROOT.resolve("qapi-maven-plugin/README.md"));
        Matcher pkg = Pattern.compile("<packageName>([\\w.]+)</packageName>").matcher(pluginReadme);
        assertTrue(pkg.find(), "the plugin README configures no packageName");
        Files.writeString(tmp.resolve("qapi-schema.json"), block(pluginReadme, "json", "'command'"));
        List<GeneratedFile> sources = new ArrayList<>(JavaGenerator.generate(SchemaLoader.load(tmp, "qapi-schema.json"),
                GeneratorOptions.of(pkg.group(1)), "qapi-schema.json").ofKind(GeneratedFile.Kind.SOURCE));

        List<String> snippets = javaBlocks(ROOT.resolve("qapi-runtime/README.md"));
        assertFalse(snippets.isEmpty(), "the runtime README has no server snippet");
        snippets.addAll(javaBlocks(ROOT.resolve("README.md")));
        for (String snippet : snippets) {
            sources.add(new GeneratedFile(GeneratedFile.Kind.SOURCE, pathOf(snippet), snippet));
        }
        InMemoryCompiler.Result result = InMemoryCompiler.compile(sources, tmp.resolve("classes"));
        assertEquals(List.of(), result.errors());
        assertTrue(result.success());
    }

    private static List<String> javaBlocks(Path readme) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(readme));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The first block fenced {@code ```lang} that contains {@code marker}. */
    private static String block(String text, String lang, String marker) {
        Matcher m = Pattern.compile("(?ms)^```" + lang + "\\n(.*?)^```$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(marker)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no ```" + lang + " block with " + marker);
    }

    /** Where javac expects a compilation unit: its package as directories, its public type's name. */
    private static String pathOf(String unit) {
        Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(unit);
        Matcher type = Pattern.compile("(?m)^public (?:final |abstract |sealed )*(?:class|interface|record|enum) (\\w+)")
                .matcher(unit);
        assertTrue(type.find(), "a ```java block without a public type: mark an excerpt ```java fragment\n" + unit);
        return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1) + ".java";
    }
}

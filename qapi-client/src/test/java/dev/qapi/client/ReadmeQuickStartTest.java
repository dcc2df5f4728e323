package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The README's Java blocks (the quick start and the descriptor example) compile as written. */
class ReadmeQuickStartTest {

    @Test
    void javaBlocksCompile() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has a java block");
        do {
            compiles(m.group(1));
        } while (m.find());
    }

    /** {@code source}, a whole class, compiles without warnings. */
    private static void compiles(String source) throws IOException {
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(name.find(), "a README java block is a whole class");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name.group(1) + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("client-readme");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("-d", out.toString(), "-classpath",
                System.getProperty("java.class.path"), "-Xlint:all", "-Werror"), null, List.of(file)).call();
        assertTrue(ok, diagnostics.toString());
        assertEquals("", diagnostics.toString());
        try (var files = Files.walk(out)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

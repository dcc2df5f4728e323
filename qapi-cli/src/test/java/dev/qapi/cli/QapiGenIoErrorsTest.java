package dev.qapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files that cannot be read or written: each failure is one sentence naming the path and the reason, never
 * a Java exception's name, and exits 1 (a path that is no path at all is a usage error, 2).
 */
class QapiGenIoErrorsTest extends CliTest {
    private static final String SCHEMA = "{ 'struct': 'Point', 'data': { 'x': 'int' } }\n";

    private void assertSentence(String expected) {
        assertEquals(expected, stderr());
        assertFalse(stderr().contains("Exception"), this::stderr);
    }

    @Test
    void aSchemaFileThatIsNotThereIsNamedWithQemusMessage() {
        Path missing = tmp.resolve("missing.json");
        assertEquals(1, run("check", missing.toString()));
        assertSentence("can't read schema file '" + missing + "': No such file or directory\n");
        assertEquals(1, run("java", "-o", tmp.toString(), "-p", "p", missing.toString()));
        assertSentence("can't read schema file '" + missing + "': No such file or directory\n");
    }

    @Test
    void anOutputDirectoryBelowAFileNamesTheFileInTheWay() throws IOException {
        String schema = write("s.json", SCHEMA);
        Path plain = Files.writeString(tmp.resolve("plain"), "");
        assertEquals(1, run("java", "-o", plain.resolve("out").toString(), "-p", "a.b", schema));
        assertSentence("qapi-gen: cannot create directory " + plain.resolve("out/a/b") + ": not a directory ("
                + plain.resolve("out/a") + ")\n");
    }

    @Test
    void aDocDirectoryThatIsAFileSaysSo() throws IOException {
        String schema = write("s.json", SCHEMA);
        Path plain = Files.writeString(tmp.resolve("plain"), "");
        assertEquals(1, run("doc", "-o", plain.toString(), schema));
        assertSentence("qapi-gen: cannot create directory " + plain + ": a file of that name is in the way\n");
    }

    @Test
    void aDirectoryWhereASourceGoesIsNamed() throws IOException {
        String schema = write("s.json", SCHEMA);
        Path taken = Files.createDirectories(tmp.resolve("out/a/b/Point.java"));
        assertEquals(1, run("java", "-o", tmp.resolve("out").toString(), "-p", "a.b", schema));
        assertSentence("qapi-gen: cannot write " + taken + ": is a directory\n");
    }

    @Test
    void aResourceDirectoryBelowAFileIsNamed() throws IOException {
        String schema = write("s.json", SCHEMA);
        Path plain = Files.writeString(tmp.resolve("plain"), "");
        assertEquals(1, run("java", "-o", tmp.resolve("src").toString(), "-r", plain.toString(), "-p", "a.b", schema));
        assertSentence("qapi-gen: cannot create directory " + plain.resolve("a/b") + ": not a directory ("
                + plain.resolve("a") + ")\n");
    }

    @Test
    void aPathThatIsNoPathIsAUsageError() throws IOException {
        String schema = write("s.json", SCHEMA);
        assertEquals(2, run("java", "-o", "out\0put", "-p", "a.b", schema));
        assertSentence("qapi-gen java: -o 'out\0put' is not a valid path: Nul character not allowed\n"
                + "usage: qapi-gen java -o DIR -p PACKAGE [-r RESDIR] [-D SYMBOL]... [--client-only] SCHEMA.json\n");
    }
}

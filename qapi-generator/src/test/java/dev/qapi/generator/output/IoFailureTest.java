package dev.qapi.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoFailureTest {
    private static final Path FILE = Path.of("out/a/X.java");

    @Test
    void eachNioExceptionBecomesItsReasonInWords() {
        assertEquals("cannot write out/a/X.java: permission denied",
                IoFailure.sentence("write", FILE, new AccessDeniedException("out/a/X.java")));
        assertEquals("cannot write out/a/X.java: no such file or directory",
                IoFailure.sentence("write", FILE, new NoSuchFileException("out/a/X.java")));
        assertEquals("cannot write out/a/X.java: read-only file system",
                IoFailure.sentence("write", FILE, new FileSystemException("out/a/X.java", null, "Read-only file system")));
    }

    @Test
    void anotherFileThanThePathIsNamed() {
        assertEquals("cannot create directory out/a: no such file or directory (out)",
                IoFailure.sentence("create directory", Path.of("out/a"), new NoSuchFileException("out")));
    }

    @Test
    void aPlainIOExceptionKeepsItsMessageAndOneWithoutSaysInputOutputError() {
        assertEquals("cannot write out/a/X.java: no space left on device",
                IoFailure.sentence("write", FILE, new IOException("No space left on device")));
        assertEquals("cannot write out/a/X.java: input/output error", IoFailure.sentence("write", FILE, new IOException()));
    }
}

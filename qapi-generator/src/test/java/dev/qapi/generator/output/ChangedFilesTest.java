package dev.qapi.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedFilesTest {
    @TempDir
    Path tmp;

    private int writeAll(List<String> names, String content) {
        return ChangedFiles.writeAll(names, name -> tmp.resolve(name), name -> (content + name).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryFileIntoNewDirectories() throws IOException {
        assertEquals(3, writeAll(List.of("a/x.txt", "a/b/y.txt", "z.txt"), "v1 "));
        assertEquals("v1 a/b/y.txt", Files.readString(tmp.resolve("a/b/y.txt")));
    }

    @Test
    void leavesFilesWithTheSameBytesAloneAndRewritesTheOthers() throws IOException {
        writeAll(List.of("a/x.txt", "a/y.txt"), "v1 ");
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(tmp.resolve("a/x.txt"), old);
        Files.writeString(tmp.resolve("a/y.txt"), "edited");
        // y.txt differs, new.txt is new
        assertEquals(2, writeAll(List.of("a/x.txt", "a/y.txt", "a/new.txt"), "v1 "));
        assertEquals(old, Files.getLastModifiedTime(tmp.resolve("a/x.txt")));
        assertEquals("v1 a/y.txt", Files.readString(tmp.resolve("a/y.txt")));
        assertEquals("v1 a/new.txt", Files.readString(tmp.resolve("a/new.txt")));
    }
}

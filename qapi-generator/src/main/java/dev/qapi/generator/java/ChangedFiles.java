package dev.qapi.generator.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Writing generated files so that a file whose bytes are already there is left alone (its timestamp
 * kept, so incremental builds downstream see no change). Shared by the Java bindings and the reference
 * documentation.
 */
public final class ChangedFiles {
    private ChangedFiles() {
    }

    /** Creates each directory that will hold one of {@code targets}, once. */
    public static void createParents(Collection<Path> targets) {
        for (Path dir : new TreeSet<>(targets.stream().map(Path::getParent).toList())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw failure("cannot create " + dir, e);
            }
        }
    }

    /**
     * Writes {@code bytes} to {@code target} unless it holds them already; its directory must exist.
     *
     * @return whether it wrote
     */
    public static boolean write(Path target, byte[] bytes) {
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
            Files.write(target, bytes);
            return true;
        } catch (IOException e) {
            throw failure("cannot write " + target, e);
        }
    }

    /** NIO's messages are often just a path; say what went wrong too. */
    private static UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
}

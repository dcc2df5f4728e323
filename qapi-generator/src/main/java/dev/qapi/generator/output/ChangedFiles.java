package dev.qapi.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writing generated files so that a file whose bytes are already there is left alone (its timestamp
 * kept, so incremental builds downstream see no change). Shared by the Java bindings and the reference
 * documentation, through {@link GeneratedFiles#writeTo}, and by the Maven plugin.
 */
public final class ChangedFiles {
    private ChangedFiles() {
    }

    /**
     * Writes each of {@code files} whose bytes differ from what its target holds, creating directories
     * first; the files are written on all cores (creating a file is mostly the kernel's work, and two
     * threads create ~840 files in about two thirds of the time one takes). Files in a directory that did
     * not exist are written without looking for old ones (the common case of a fresh output directory).
     * When a file cannot be written, that failure is thrown, an {@link UncheckedIOException} whose message
     * is an {@link IoFailure} sentence, once no other file is being written (files after it may be written
     * or not).
     *
     * @param target where a file goes
     * @param bytes its content
     * @return how many were written
     */
    public static <F> int writeAll(List<F> files, Function<F, Path> target, Function<F, byte[]> bytes) {
        List<Path> targets = files.stream().map(target).toList();
        Set<Path> created = createParents(targets);
        // ParallelJobs throws a failure only once no file is being written any more, and begins no file
        // after it: a caller that deletes the directory on failure finds nobody writing into it.
        int written = 0;
        for (boolean w : ParallelJobs.run(ParallelJobs.inOrder(files.size()), i -> {
            Path path = targets.get(i);
            byte[] content = bytes.apply(files.get(i));
            return created.contains(path.getParent()) ? writeNew(path, content) : write(path, content);
        })) {
            written += w ? 1 : 0;
        }
        return written;
    }

    /**
     * Creates each directory that will hold one of {@code targets}, once.
     *
     * @return the directories that did not exist before, so hold no old files to compare with
     */
    public static Set<Path> createParents(Collection<Path> targets) {
        Set<Path> created = new HashSet<>();
        for (Path dir : new TreeSet<>(targets.stream().map(Path::getParent).toList())) {
            if (Files.isDirectory(dir)) {
                continue;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw IoFailure.unchecked("create directory", dir, e);
            }
            created.add(dir);
        }
        return created;
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
            throw IoFailure.unchecked("write", target, e);
        }
    }

    /**
     * Writes {@code bytes} to {@code target} in a directory just created, so with nothing to compare; should
     * a file be there after all (someone else writing into the same directory), as {@link #write} does.
     */
    private static boolean writeNew(Path target, byte[] bytes) {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return write(target, bytes);
        } catch (IOException e) {
            throw IoFailure.unchecked("write", target, e);
        }
    }
}

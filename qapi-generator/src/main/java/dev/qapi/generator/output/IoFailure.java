package dev.qapi.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A failed file operation as one sentence for people: what could not be done, to which path, and why
 * ({@code cannot write out/a/X.java: permission denied}), never the name of Java's exception. NIO's
 * exceptions carry the reason in their type and often only a path as their message; this says both in
 * words. For every command that reads or writes files (the generator's outputs, the command-line tool).
 */
public final class IoFailure {
    private IoFailure() {
    }

    /**
     * {@code cannot ACTION PATH: REASON}, the reason naming the file it concerns when that is another one
     * (a parent directory, say).
     *
     * @param action what was being done, e.g. {@code write} or {@code create directory}
     */
    public static String sentence(String action, Path path, IOException e) {
        return "cannot " + action + " " + path + ": " + reason(e, path);
    }

    /** The {@link #sentence} as the message of an unchecked exception with {@code e} as its cause. */
    public static UncheckedIOException unchecked(String action, Path path, IOException e) {
        return new UncheckedIOException(sentence(action, path, e), e);
    }

    /** Why {@code e} happened, in words, with the file it names when that is not {@code path}. */
    public static String reason(IOException e, Path path) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            why = "a file of that name is in the way";
        } else if (e instanceof NotDirectoryException) {
            why = "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            why = "directory not empty";
        } else if (e instanceof FileSystemException fs) {
            why = fs.getReason() != null ? lowerFirst(fs.getReason()) : "the file system refused";
        } else {
            why = e.getMessage() != null && !e.getMessage().isBlank() ? lowerFirst(e.getMessage()) : "input/output error";
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null && !Path.of(fs.getFile()).equals(path)) {
            why += " (" + fs.getFile() + ")";
        }
        return why;
    }

    /** {@code Not a directory} as {@code not a directory}, to go after a colon; {@code EACCES} stays. */
    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1)
                : s;
    }
}

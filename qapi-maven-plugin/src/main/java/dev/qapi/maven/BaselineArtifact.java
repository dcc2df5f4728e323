package dev.qapi.maven;

import dev.qapi.generator.output.ChangedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The baseline inside a resolved artifact. A {@code .json} artifact (e.g. classifier {@code qapi-schema},
 * type {@code json}) is the baseline itself; a jar holds the {@code qapi-introspect.json} that
 * {@code qapi:generate} put among its resources, which is extracted next to the report.
 */
final class BaselineArtifact {
    static final String RESOURCE = "qapi-introspect.json";

    private BaselineArtifact() {
    }

    /**
     * The baseline file of {@code artifact}.
     *
     * @param entry the jar entry to read, or {@code null} to take the one {@value #RESOURCE} in the jar
     * @param extractTo the file to extract a jar's entry to
     */
    static Path baselineOf(String coordinates, Path artifact, String entry, Path extractTo)
            throws MojoFailureException, IOException {
        if (!artifact.getFileName().toString().endsWith(".jar")) {
            return artifact;
        }
        try (ZipFile jar = new ZipFile(artifact.toFile())) {
            ZipEntry found = entry != null ? jar.getEntry(entry) : null;
            if (entry == null) {
                List<String> candidates = new ArrayList<>();
                for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                    ZipEntry z = e.nextElement();
                    if (z.getName().equals(RESOURCE) || z.getName().endsWith("/" + RESOURCE)) {
                        candidates.add(z.getName());
                        found = z;
                    }
                }
                if (candidates.size() != 1) {
                    throw new MojoFailureException("qapi: baseline " + coordinates + " holds "
                            + (candidates.isEmpty() ? "no " + RESOURCE : candidates.size() + " " + RESOURCE + " ("
                            + String.join(", ", candidates) + "): choose one with <baselineEntry>"));
                }
            } else if (found == null) {
                throw new MojoFailureException("qapi: baseline " + coordinates + " has no entry " + entry);
            }
            byte[] bytes;
            try (InputStream in = jar.getInputStream(found)) {
                bytes = in.readAllBytes();
            }
            // the same bytes are not written again: the up-to-date check writes nothing
            ChangedFiles.createParents(List.of(extractTo));
            ChangedFiles.write(extractTo, bytes);
            return extractTo;
        }
    }
}

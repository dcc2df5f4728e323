package dev.qapi.maven;

import dev.qapi.generator.output.ChangedFiles;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.parser.QapiError;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Module;
import dev.qapi.parser.schema.Schema;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One goal's generation, skipped when its inputs have not changed since the last success.
 *
 * <p>The state file holds the {@linkplain Inputs inputs} (names, stamps of the input files, hash) and the
 * manifest of what was generated. When the names and the output directories are the same, every file of
 * the manifest is still there and the input files have the stamps recorded, nothing is read, hashed or
 * written: that costs a few dozen file stats and one directory listing per output directory. When a stamp
 * differs but the hash of the content does not (a file touched, or checked out again), the state takes
 * the new stamps and nothing else is written. Otherwise the schema is loaded and generated; only files whose bytes changed are written,
 * files of the old manifest that are no longer generated are deleted (and the directories that leaves
 * empty, up to the output directory), and the new state is written last, so that a failed run leaves no
 * state and the next one regenerates. Nothing here knows Maven.
 */
final class IncrementalGeneration {

    /**
     * How a generation went.
     *
     * @param upToDate whether nothing had to be done
     * @param files how many files the schema generates
     * @param written files created or changed
     * @param unchanged files regenerated with the bytes they already had
     * @param deleted files of the last run that are no longer generated
     */
    record Outcome(boolean upToDate, int files, int written, int unchanged, int deleted) {
    }

    private final GenerationRequest request;

    private IncrementalGeneration(GenerationRequest request) {
        this.request = request;
    }

    /**
     * Brings the output of {@code request} up to date.
     *
     * @throws QapiError when the schema is invalid
     * @throws IOException when a file cannot be read or written
     */
    static Outcome run(GenerationRequest request) throws IOException {
        return new IncrementalGeneration(request).run();
    }

    private Outcome run() throws IOException {
        Optional<GenerationState> previous = GenerationState.read(request.stateFile(), request.baseDir());
        if (previous.isPresent() && isUpToDate(previous.get())) {
            return new Outcome(true, previous.get().fileCount(), 0, 0, 0);
        }
        GenerationState.delete(request.stateFile());

        Schema schema = SchemaLoader.load(request.baseDir(), request.schemaDisplayName());
        List<String> includes = includes(schema);
        List<GeneratedFile> files = request.output().generate(schema);
        int written = write(files);

        Map<String, List<String>> manifest = new LinkedHashMap<>();
        request.output().roots().keySet().forEach(root -> manifest.put(root, new ArrayList<>()));
        files.forEach(f -> manifest.get(f.kind().key()).add(f.path()));
        Inputs inputs = Inputs.of(request, includes);
        List<Inputs.Stamp> stamps = inputs.stamps().orElse(List.of());
        GenerationState next = new GenerationState(inputs.hash(), inputs.names(), stamps, includes,
                request.output().roots(), manifest);
        int deleted = previous.isPresent() ? deleteStale(previous.get(), next) : 0;
        next.write(request.stateFile(), request);
        return new Outcome(false, files.size(), written, files.size() - written, deleted);
    }

    private boolean isUpToDate(GenerationState previous) throws IOException {
        Inputs inputs = Inputs.of(request, previous.includes());
        if (!inputs.names().equals(previous.inputs()) || !previous.roots().equals(request.output().roots())
                || !outputsPresent(previous)) {
            return false;
        }
        Optional<List<Inputs.Stamp>> stamps = inputs.stamps();
        if (stamps.isPresent() && stamps.get().equals(previous.stamps())
                && Inputs.trusted(stamps.get(), Files.getLastModifiedTime(request.stateFile()))) {
            return true;
        }
        if (!inputs.hash().equals(previous.inputsHash())) {
            return false;
        }
        if (stamps.isPresent() && !stamps.get().equals(previous.stamps())) {
            previous.withStamps(stamps.get()).write(request.stateFile(), request);
        }
        return true;
    }

    /**
     * Whether every file of the manifest is there: one listing per directory rather than a look-up per
     * file, which is what makes an up-to-date check of a schema with hundreds of outputs cheap. Works on
     * the manifest's strings, without a {@code Path} per file, and without lambdas (see AbstractQapiMojo).
     */
    private static boolean outputsPresent(GenerationState previous) {
        for (Map.Entry<String, List<String>> root : previous.files().entrySet()) {
            File rootDir = previous.roots().get(root.getKey()).toFile();
            Map<String, Set<String>> listings = new HashMap<>();
            for (String path : root.getValue()) {
                int slash = path.lastIndexOf('/');
                String dir = slash < 0 ? "" : path.substring(0, slash);
                Set<String> listing = listings.get(dir);
                if (listing == null) {
                    String[] names = (dir.isEmpty() ? rootDir : new File(rootDir, dir)).list();
                    listing = names == null ? Set.of() : new HashSet<>(Arrays.asList(names));
                    listings.put(dir, listing);
                }
                if (!listing.contains(path.substring(slash + 1))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the files whose bytes changed; returns how many. */
    private int write(List<GeneratedFile> files) {
        Map<String, Path> roots = request.output().roots();
        return ChangedFiles.writeAll(files, f -> roots.get(f.kind().key()).resolve(f.path()), GeneratedFile::bytes);
    }

    /** The files the schema read besides its root, as module names (relative to the root's directory). */
    private List<String> includes(Schema schema) {
        String root = request.schema().getFileName().toString();
        List<String> includes = new ArrayList<>();
        for (Module module : schema.modules()) {
            if (!module.isSystem() && !module.name().equals(root)) {
                includes.add(module.name());
            }
        }
        return includes;
    }

    /**
     * Deletes the files of the previous manifest that {@code next} no longer lists, and the directories
     * that leaves empty, up to (not including) the output directory. Only files the manifest names, and
     * only inside the directory it says they were written to, are ever deleted.
     */
    private static int deleteStale(GenerationState previous, GenerationState next) throws IOException {
        Set<Path> kept = new HashSet<>(next.generatedFiles());
        int deleted = 0;
        for (Map.Entry<String, List<String>> root : previous.files().entrySet()) {
            Path dir = previous.roots().get(root.getKey());
            for (String path : root.getValue()) {
                Optional<Path> file = inside(dir, path);
                if (file.isPresent() && !kept.contains(file.get()) && Files.deleteIfExists(file.get())) {
                    deleted++;
                    deleteEmptyParents(dir, file.get());
                }
            }
        }
        return deleted;
    }

    /** Deletes the directories above {@code file} while they are empty, stopping below {@code root}. */
    private static void deleteEmptyParents(Path root, Path file) throws IOException {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root);
                dir = dir.getParent()) {
            if (!isEmptyDirectory(dir)) {
                return;
            }
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static Optional<Path> inside(Path root, String relative) {
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && !file.equals(root) ? Optional.of(file) : Optional.empty();
    }
}

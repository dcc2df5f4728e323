package dev.qapi.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SHA-256 of everything a generation's output depends on: the plugin's version and code, the goal's
 * settings, its output directories, and the path and bytes of the root schema and of each file it
 * includes. The included files are those of the last run: a change to the set of includes changes the
 * bytes of the file that includes them, so the hash still notices it.
 */
final class InputsHash {

    private InputsHash() {
    }

    static String of(GenerationRequest request, List<String> includes) throws IOException {
        MessageDigest digest = sha256();
        field(digest, "format", GenerationState.FORMAT);
        field(digest, "plugin", request.pluginFingerprint());
        for (Map.Entry<String, String> setting : request.output().settings().entrySet()) {
            field(digest, "setting " + setting.getKey(), setting.getValue());
        }
        for (Map.Entry<String, Path> root : request.output().roots().entrySet()) {
            field(digest, "root " + root.getKey(), request.relative(root.getValue()));
        }
        field(digest, "schema", request.schemaDisplayName());
        file(digest, request.schema());
        for (String include : new TreeSet<>(includes)) {
            field(digest, "include", include);
            file(digest, request.schemaDir().resolve(include));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void field(MessageDigest digest, String name, String value) {
        digest.update((name + "=" + value.length() + ":" + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void file(MessageDigest digest, Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            field(digest, "missing", "");
            return;
        }
        field(digest, "bytes", Integer.toString(bytes.length));
        digest.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package dev.qapi.compat;

import dev.qapi.generator.introspect.Introspection;
import dev.qapi.parser.SchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule cases of {@code src/test/resources/cases/}: one file per rule, with an {@code === old} schema,
 * an {@code === new} schema and the {@code === expect}ed findings ({@code SEVERITY: PATH: CHANGE}, then
 * {@code ; also affects: PATH, PATH} for a change seen on several paths, one a line; {@code [schema]} marks a finding made only when both sides are schema files).
 */
final class Cases {
    static final List<String> NAMES = List.of("alternate-branch-added-on-output", "alternate-lost-branch", "argument-made-mandatory",
            "argument-member-removed", "argument-type-changed", "command-flags", "command-removed",
            "deprecated-removal", "enum-value-added-on-output", "enum-value-removed-on-input", "event-removed",
            "features", "features-strict", "integer-range-narrowed", "integer-range-widened", "java-source-only", "mandatory-argument-added", "member-moved-to-branches",
            "recursive-type", "return-member-made-optional", "return-member-removed", "return-type-changed",
            "shared-enum", "shared-nested", "shared-struct", "string-and-enum", "union-branch-removed", "unstable-ignored");

    /** How each side is given: as a schema file or as its introspection data. */
    enum Kind { SCHEMA, INTROSPECTION }

    record Case(String name, String old, String neu, List<String> expect) {
    }

    private Cases() {
    }

    static Case read(String name) {
        String text;
        try (InputStream in = Cases.class.getResourceAsStream("/cases/" + name + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int o = text.indexOf("=== old\n");
        int n = text.indexOf("=== new\n");
        int x = text.indexOf("=== expect\n");
        List<String> expect = new ArrayList<>();
        for (String line : text.substring(x + 11).split("\n")) {
            if (!line.isBlank()) {
                expect.add(line.strip());
            }
        }
        return new Case(name, text.substring(o + 8, n), text.substring(n + 8, x), expect);
    }

    /** Writes {@code schemaText} as {@code name}.json in {@code dir}, and as introspection data if asked; returns the file name to load. */
    static String write(Path dir, String name, String schemaText, Kind kind) {
        try {
            Files.writeString(dir.resolve(name + ".json"), schemaText);
            if (kind == Kind.SCHEMA) {
                return name + ".json";
            }
            String data = Introspection.of(SchemaLoader.load(dir, name + ".json"), Introspection.Options.DEFAULT)
                    .toJson();
            Files.writeString(dir.resolve(name + "-introspect.json"), data);
            return name + "-introspect.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code SEVERITY: PATH: CHANGE} of each finding, then {@code ; also affects: PATH, PATH} if any. */
    static List<String> brief(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.severity().label() + ": " + f.path() + ": " + f.change().label()
                    + (f.alsoAffects().isEmpty() ? "" : "; also affects: " + String.join(", ", f.alsoAffects())));
        }
        return out;
    }
}

package dev.qapi.generator.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our introspection data equals what QEMU 10.0's own generator builds, for every reference listed in
 * {@code introspect/references.txt} (produced by {@code tools/qemu-oracle/regen-introspect.sh}): QEMU's
 * full schema and our {@code everything.json}, masked, unmasked and for several {@code -D} builds.
 */
class IntrospectionReferenceTest {
    private static final String DIR = "/introspect/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Schema> LOADED = new HashMap<>();

    /** One line of {@code references.txt}. */
    record Reference(String file, String schema, List<String> options) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Reference> references() throws IOException {
        List<Reference> out = new ArrayList<>();
        for (String line : resourceText("references.txt", false).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(trimmed.split("\\s+"));
            out.add(new Reference(words.get(0), words.get(1), words.subList(2, words.size())));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesQemuGenerator(Reference ref) throws Exception {
        Introspection ours = Introspection.of(schema(ref.schema()), options(ref.options()));
        String expectedText = resourceText(ref.file(), ref.file().endsWith(".gz"));
        assertSameEntries(MAPPER.readTree(expectedText), ours.entries());
        // same data; then the text too: key order, layout
        assertEquals(expectedText, ours.toJson());
    }

    /** Compares entry by entry, so that a failure names the first entry that differs. */
    static void assertSameEntries(JsonNode expected, JsonNode actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("entry " + i + " differs\n  QEMU: " + expected.get(i) + "\n  ours: " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            fail("QEMU has " + expected.size() + " entries, we have " + actual.size() + "; first extra: "
                    + (expected.size() > n ? "QEMU's " + expected.get(n) : "ours " + actual.get(n)));
        }
    }

    /** Parses the oracle's options: {@code -u} and {@code -D SYMBOL}. */
    private static Introspection.Options options(List<String> words) {
        boolean unmask = false;
        List<String> defined = null;
        for (int i = 0; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-u" -> unmask = true;
                case "-D" -> {
                    if (defined == null) {
                        defined = new ArrayList<>();
                    }
                    defined.add(words.get(++i));
                }
                default -> throw new IllegalArgumentException("references.txt: unknown option " + words.get(i));
            }
        }
        return new Introspection.Options(unmask, defined == null ? Build.unconfigured() : Build.defining(defined));
    }

    private static synchronized Schema schema(String name) throws URISyntaxException {
        Schema cached = LOADED.get(name);
        if (cached == null) {
            cached = name.equals("qemu")
                    ? SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json")
                    : SchemaLoader.load(resourcePath(name).getParent(), name);
            LOADED.put(name, cached);
        }
        return cached;
    }

    private static Path resourcePath(String name) throws URISyntaxException {
        var url = IntrospectionReferenceTest.class.getResource(DIR + name);
        assertNotNull(url, "missing test resource " + DIR + name);
        return Path.of(url.toURI());
    }

    private static String resourceText(String name, boolean gzipped) throws IOException {
        InputStream raw = IntrospectionReferenceTest.class.getResourceAsStream(DIR + name);
        assertNotNull(raw, "missing test resource " + DIR + name);
        try (InputStream in = gzipped ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

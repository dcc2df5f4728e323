package dev.qapi.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The schema cases under {@code src/test/resources/cases}: each {@code NAME.json} comes with the
 * exact output of QEMU 10.0's own front end on it (see {@code tools/qemu-oracle}): {@code NAME.err},
 * the error it reports, or {@code NAME.out}, a dump of the schema it builds. We must print the same
 * error (every line: include chain, context line, {@code file:line[:col]: message}) or build the
 * same schema.
 */
class SchemaCasesTest {

    static Path casesDir() {
        try {
            return Path.of(SchemaCasesTest.class.getResource("/cases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> caseFiles() throws IOException {
        try (Stream<Path> files = Files.walk(casesDir())) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> Files.exists(sibling(p, ".err")) || Files.exists(sibling(p, ".out")))
                    .sorted()
                    .toList();
        }
    }

    static Path sibling(Path json, String ext) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ext);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesQemu() throws IOException {
        return caseFiles().stream().map(json -> DynamicTest.dynamicTest(
                casesDir().relativize(json).toString(), () -> runCase(json)));
    }

    @Test
    void thereAreEnoughCases() throws IOException {
        List<Path> cases = caseFiles();
        long negative = cases.stream().filter(p -> Files.exists(sibling(p, ".err"))).count();
        long positive = cases.size() - negative;
        assertTrue(negative >= 150, "negative cases: " + negative);
        assertTrue(positive >= 20, "positive cases: " + positive);
    }

    private static void runCase(Path json) throws IOException {
        Path dir = json.getParent();
        String name = json.getFileName().toString();
        Path err = sibling(json, ".err");
        if (Files.exists(err)) {
            String expected = Files.readString(err, StandardCharsets.UTF_8);
            try {
                SchemaLoader.load(dir, name);
                fail("accepted, but QEMU rejects it with:\n" + expected);
            } catch (QapiError e) {
                assertEquals(expected.stripTrailing(), e.getMessage());
            }
        } else {
            String expected = Files.readString(sibling(json, ".out"), StandardCharsets.UTF_8);
            try {
                assertEquals(expected, SchemaDump.dump(SchemaLoader.load(dir, name)));
            } catch (QapiError e) {
                fail("rejected, but QEMU accepts it: " + e.getMessage());
            }
        }
    }
}

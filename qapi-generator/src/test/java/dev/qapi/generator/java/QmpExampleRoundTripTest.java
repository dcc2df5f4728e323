package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.generator.java.RoundTripTally.KnownFailure;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.schema.Schema;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code qmp-example} in the doc comments of QEMU's schema decodes and encodes back to the same JSON
 * through the generated bindings: command arguments through the registered handlers, results through the
 * handlers' encoding, event data through the emitters.
 */
class QmpExampleRoundTripTest {

    /** Fewer non-trivial round trips than this means the examples were not really checked. */
    private static final int MINIMUM_ROUND_TRIPS = 150;

    /**
     * Messages of QEMU's examples that contradict QEMU's own schema, by {@link QmpExample#key}: the generated
     * code rightly rejects them as QEMU itself would. Each must still fail with its symptom; once QEMU fixes
     * an example, it has to come off the list.
     */
    private static final Map<String, KnownFailure> WRONG_EXAMPLES = Map.ofEntries(
            wrong("query-block #1.2", "'[0].inserted.active' is missing",
                    "BlockDeviceInfo member 'active' (mandatory) is missing from the example"),
            wrong("query-named-block-nodes #1.2", "'[0].active' is missing",
                    "BlockDeviceInfo member 'active' (mandatory) is missing from the example"),
            wrong("query-migrate #2.2", "'ram.dirty-pages-rate' is missing",
                    "MigrationStats member 'dirty-pages-rate' (mandatory) is missing from the example"),
            wrong("query-migrate #4.2", "'ram.dirty-pages-rate' is missing",
                    "MigrationStats member 'dirty-pages-rate' (mandatory) is missing from the example"),
            wrong("query-migrate #5.2", "'ram.dirty-pages-rate' is missing",
                    "MigrationStats member 'dirty-pages-rate' (mandatory) is missing from the example"),
            wrong("migrate #1.9", "'channels[0].addr.offset' expects uint64",
                    "FileMigrationArgs member 'offset' is a uint64, the example writes the string \"0x1000\""),
            wrong("trace-event-get-state #1.2", "'[0].vcpu' is unexpected",
                    "TraceEventInfo no longer has member 'vcpu', the example still shows it"),
            wrong("query-iothreads #1.2", "'[0].poll-max-ns' is missing",
                    "IOThreadInfo members 'poll-max-ns', 'poll-grow', 'poll-shrink', 'aio-max-batch' (mandatory)"
                    + " are missing from the example"),
            wrong("RTC_CHANGE #1.1", "'qom-path' is missing",
                    "RTC_CHANGE member 'qom-path' (mandatory) is missing from the example"),
            wrong("query-sev #1.2", "'sev-type' is missing",
                    "SevInfo's discriminator 'sev-type' is missing from the example"),
            wrong("query-sgx-capabilities #1.2", "'sections' is missing",
                    "SGXInfo member is 'sections', the example writes 'section'"),
            wrong("query-pci #1.2", "'[0].devices[0].irq_pin' is missing",
                    "PciDeviceInfo member 'irq_pin' (mandatory) is missing from the example"),
            wrong("x-query-virtio-status #2.2", "'disable-legacy-check' is missing",
                    "VirtioStatus member 'disable-legacy-check' (mandatory) is missing from the second example"));

    /**
     * Messages that do not round-trip because the generated code is wrong, by {@link QmpExample#key}. Each
     * must still fail with its symptom: a fixed bug has to come off the list.
     */
    private static final Map<String, KnownFailure> GENERATOR_BUGS = Map.of();

    @TempDir
    static Path classes;

    private static Schema schema;
    private static URLClassLoader loader;
    private static GeneratedBindings bindings;

    @BeforeAll
    static void compileBindings() throws MalformedURLException {
        schema = SchemaLoader.load(SharedMaterial.qemuSchemaDir(), "qapi-schema.json");
        GeneratedFiles files = JavaGenerator.generate(schema, GeneratorOptions.of("org.qemu.qmp"), "qapi-schema.json");
        InMemoryCompiler.Result result = InMemoryCompiler.compile(files.ofKind(GeneratedFile.Kind.SOURCE), classes);
        assertEquals(List.of(), result.errors());
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, QmpExampleRoundTripTest.class.getClassLoader());
        bindings = GeneratedBindings.load(schema, classes, loader);
    }

    @AfterAll
    static void closeLoader() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void everyQmpExampleRoundTripsThroughTheGeneratedBindings() {
        Map<String, KnownFailure> known = new HashMap<>(WRONG_EXAMPLES);
        known.putAll(GENERATOR_BUGS);
        RoundTripTally tally = new RoundTripTally(known);
        QmpExampleChecker checker = new QmpExampleChecker(schema, bindings, tally);
        for (Doc doc : schema.docs()) {
            for (QmpExample example : QmpExample.allIn(doc)) {
                checker.check(example);
            }
        }
        System.out.print(tally.summary());
        assertEquals(tally.messages(), tally.outcomes(), "every message has exactly one outcome");
        assertEquals(List.of(), tally.failures(), "examples that do not round-trip");
        assertEquals(List.of(), tally.staleKnownFailures(), "known failures that no longer fail");
        assertTrue(tally.roundTrippedNonEmpty() >= MINIMUM_ROUND_TRIPS,
                "only " + tally.roundTrippedNonEmpty() + " non-empty values round-tripped");
    }

    @Test
    void aValueThatComesBackDifferentlyFails() {
        // A member the schema does not know is rejected on decoding: it would otherwise be dropped silently.
        RoundTripTally tally = checkOne("""
                -> { "execute": "query-status" }
                <- { "return": { "running": true, "status": "running", "extra": 1 } }
                """);
        assertEquals(1, tally.failures().size(), tally.summary());
        assertTrue(tally.failures().get(0).contains("'extra' is unexpected"), tally.summary());
    }

    @Test
    void aNegativeSizeComesBackUnsigned() {
        // QEMU accepts a negative uint64 or size and wraps it; it is then written unsigned. None of QEMU's
        // examples does this, but it shows a changed value is caught.
        RoundTripTally tally = checkOne("""
                -> { "execute": "migrate-set-parameters", "arguments": { "max-bandwidth": -1 } }
                """);
        assertEquals(1, tally.failures().size(), tally.summary());
        assertTrue(tally.failures().get(0).contains("got  {\"max-bandwidth\":18446744073709551615}"), tally.summary());
    }

    @Test
    void jsonComparesNumbersByValueAndMembersInAnyOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertTrue(QmpExampleChecker.sameJson(json.readTree("{\"a\": 10, \"b\": [1]}"), json.readTree("{\"b\": [1.0], \"a\": 10.0}")));
        assertTrue(QmpExampleChecker.sameJson(json.readTree("1000"), json.readTree("1e3")));
        assertFalse(QmpExampleChecker.sameJson(json.readTree("{\"a\": 1}"), json.readTree("{\"a\": 1, \"b\": 2}")));
        assertFalse(QmpExampleChecker.sameJson(json.readTree("[1, 2]"), json.readTree("[2, 1]")));
        assertFalse(QmpExampleChecker.sameJson(json.readTree("-1"), json.readTree("18446744073709551615")));
    }

    @Test
    void eventDataGoesThroughTheEmitter() {
        RoundTripTally tally = checkOne("""
                <- { "event": "BLOCK_JOB_COMPLETED",
                     "data": { "type": "stream", "device": "virtio-disk0",
                               "len": 10737418240, "offset": 10737418240, "speed": 0 },
                     "timestamp": { "seconds": 1267061043, "microseconds": 959568 } }
                """);
        assertEquals(List.of(), tally.failures(), tally.summary());
        assertEquals(1, tally.roundTrippedNonEmpty(), tally.summary());
    }

    private static RoundTripTally checkOne(String messages) {
        String text = ".. qmp-example::\n\n" + messages.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
        Doc doc = new Doc(SourceInfo.startOf("synthetic.json", null), "test", List.of(new Doc.Section(null, Doc.Kind.PLAIN, null, text)));
        RoundTripTally tally = new RoundTripTally(Map.of());
        QmpExampleChecker checker = new QmpExampleChecker(schema, bindings, tally);
        QmpExample.allIn(doc).forEach(checker::check);
        return tally;
    }

    private static Map.Entry<String, KnownFailure> wrong(String key, String symptom, String reason) {
        return Map.entry(key, new KnownFailure(symptom, "QEMU's example contradicts the schema: " + reason));
    }
}

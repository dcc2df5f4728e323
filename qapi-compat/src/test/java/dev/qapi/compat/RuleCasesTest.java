package dev.qapi.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.compat.Cases.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule's case gives the expected findings whichever way its two sides are given: both schema files,
 * both introspection data, or one of each. The same change gives the same path in every combination;
 * Java-source findings and integer widths need both schema files.
 */
class RuleCasesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (String name : Cases.NAMES) {
            for (Kind o : Kind.values()) {
                for (Kind n : Kind.values()) {
                    out.add(Arguments.of(name, o, n));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("combinations")
    void findsTheExpectedChanges(String name, Kind oldKind, Kind newKind) {
        Cases.Case c = Cases.read(name);
        boolean bothSchemas = oldKind == Kind.SCHEMA && newKind == Kind.SCHEMA;
        List<String> expected = new ArrayList<>();
        for (String line : c.expect()) {
            boolean schemaOnly = line.endsWith("[schema]") || line.startsWith("java-source-only:");
            if (bothSchemas || !schemaOnly) {
                expected.add(line.replace(" [schema]", ""));
            }
        }
        assertEquals(expected, Cases.brief(compare(c, oldKind, newKind, CompatOptions.DEFAULT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void aSchemaComparedWithItselfFindsNothing(String name, Kind oldKind, Kind newKind) {
        Cases.Case c = Cases.read(name);
        for (String text : List.of(c.old(), c.neu())) {
            WireSchema a = CompatInput.load(dir, Cases.write(dir, "a", text, oldKind), null);
            WireSchema b = CompatInput.load(dir, Cases.write(dir, "b", text, newKind), null);
            assertEquals(List.of(), CompatReport.compare(a, b, new CompatOptions(true)).findings());
        }
    }

    @Test
    void unstableChangesAreReportedWhenStrict() {
        List<Finding> found = compare(Cases.read("unstable-ignored"), Kind.SCHEMA, Kind.SCHEMA,
                new CompatOptions(true));
        assertEquals(List.of("breaking: x-debug: command-removed", "breaking: query/arg-type/x-detail: member-removed"),
                Cases.brief(found));
    }

    @Test
    void textNamesSeverityPathChangeAndSchemaPositions() {
        Cases.Case c = Cases.read("argument-made-mandatory");
        CompatReport report = new CompatReport(compare(c, Kind.SCHEMA, Kind.INTROSPECTION, CompatOptions.DEFAULT));
        assertEquals("breaking: screendump/arg-type/*device: member-made-mandatory"
                + " (old: optional at old.json:1; new: mandatory)\n", report.toText());
        report = new CompatReport(compare(c, Kind.SCHEMA, Kind.SCHEMA, CompatOptions.DEFAULT));
        assertEquals("breaking: screendump/arg-type/*device: member-made-mandatory"
                + " (old: optional at old.json:1; new: mandatory at new.json:1)\n"
                + "java-source-only: screendump/arg-type/filename: optionality-changed"
                + " (old: mandatory at old.json:1; new: optional at new.json:1)\n", report.toText());
        assertEquals("2 findings: 1 breaking, 0 deprecated-removal, 1 java-source-only, 0 note", report.summary());
    }

    @Test
    void jsonHasTheIssuesFields() {
        Cases.Case c = Cases.read("command-removed");
        CompatReport report = new CompatReport(compare(c, Kind.SCHEMA, Kind.INTROSPECTION, CompatOptions.DEFAULT));
        assertEquals("""
                {
                  "findings" : [ {
                    "path" : "stop",
                    "also-affects" : [ ],
                    "change" : "command-removed",
                    "severity" : "breaking",
                    "old" : "command",
                    "new" : null,
                    "old-location" : "old.json:1",
                    "new-location" : null
                  } ]
                }
                """, report.toJson());
    }

    @Test
    void aSharedTypesChangeIsOneFindingListingEveryPathInTextAndJson() {
        Cases.Case c = Cases.read("shared-struct");
        CompatReport report = new CompatReport(compare(c, Kind.INTROSPECTION, Kind.SCHEMA, CompatOptions.DEFAULT));
        assertEquals("breaking: add-widget/arg-type/widget/colour: member-removed (old: string; new: absent at new.json:1);"
                + " also affects: WIDGET_CHANGED/arg-type/widget/colour, set-widget/arg-type/colour\n"
                + "deprecated-removal: old-widget/arg-type/widget/colour: member-removed"
                + " (old: string; new: absent at new.json:1)\n", report.toText());
        // counted once each: the exit status and the counts do not grow with the number of users
        assertEquals("2 findings: 1 breaking, 1 deprecated-removal, 0 java-source-only, 0 note, on 4 wire paths",
                report.summary());
        assertEquals(List.of("add-widget/arg-type/widget/colour", "WIDGET_CHANGED/arg-type/widget/colour",
                "set-widget/arg-type/colour"), report.findings().get(0).paths());
        String json = report.toJson();
        assertEquals(true, json.contains("""
                    "path" : "add-widget/arg-type/widget/colour",
                    "also-affects" : [ "WIDGET_CHANGED/arg-type/widget/colour", "set-widget/arg-type/colour" ],
                """), json);
    }

    private List<Finding> compare(Cases.Case c, Kind oldKind, Kind newKind, CompatOptions options) {
        WireSchema old = CompatInput.load(dir, Cases.write(dir, "old", c.old(), oldKind), null);
        WireSchema neu = CompatInput.load(dir, Cases.write(dir, "new", c.neu(), newKind), null);
        return CompatReport.compare(old, neu, options).findings();
    }
}

package dev.qapi.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.generator.introspect.Build;
import dev.qapi.generator.introspect.Introspection;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** QEMU's whole schema compared with itself and with its own introspection data finds nothing. */
class QemuSchemaTest {

    @Test
    void qemuSchemaAgainstItselfFindsNothing() {
        Path dir = SharedMaterial.qemuSchemaDir();
        WireSchema a = CompatInput.load(dir, "qapi-schema.json", null);
        WireSchema b = CompatInput.load(dir, "qapi-schema.json", null);
        assertEquals(List.of(), CompatReport.compare(a, b, new CompatOptions(true)).findings());
    }

    @Test
    void qemuSchemaAgainstItsIntrospectionFindsNothingEitherWay() {
        Path dir = SharedMaterial.qemuSchemaDir();
        Schema schema = SchemaLoader.load(dir, "qapi-schema.json");
        WireSchema file = SchemaWire.of(schema, "qapi-schema.json", null);
        WireSchema data = IntrospectionWire.parse(
                Introspection.of(schema, Introspection.Options.DEFAULT).toJson(), "introspect.json");
        assertEquals(List.of(), CompatReport.compare(file, data, new CompatOptions(true)).findings());
        assertEquals(List.of(), CompatReport.compare(data, file, new CompatOptions(true)).findings());
        assertEquals(List.of(), CompatReport.compare(data, data, new CompatOptions(true)).findings());
    }

    @Test
    void conditionsEvaluatedOnBothSidesAgreeWithIntrospectionOfThatBuild() {
        Path dir = SharedMaterial.qemuSchemaDir();
        Schema schema = SchemaLoader.load(dir, "qapi-schema.json");
        Set<String> linux = Set.of("CONFIG_LINUX", "CONFIG_POSIX", "TARGET_X86_64", "CONFIG_KVM", "CONFIG_VNC");
        WireSchema file = SchemaWire.of(schema, "qapi-schema.json", linux);
        WireSchema data = IntrospectionWire.parse(Introspection.of(schema,
                new Introspection.Options(false, Build.defining(List.copyOf(linux)))).toJson(), "introspect.json");
        assertEquals(List.of(), CompatReport.compare(file, data, new CompatOptions(true)).findings());
        assertEquals(List.of(), CompatReport.compare(data, file, new CompatOptions(true)).findings());
    }
}

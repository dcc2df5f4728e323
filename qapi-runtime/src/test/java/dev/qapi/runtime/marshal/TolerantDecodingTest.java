package dev.qapi.runtime.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qapi.runtime.QmpException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client decodes from a server of another version: unknown things passed over and recorded. */
class TolerantDecodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A struct {x: int, kind: enum(a, b), inner?: {y: str}} read the way generated code reads it. */
    private record Decoded(long x, String kind, String innerY) {
    }

    private static Decoded read(InputVisitor in) {
        in.startStruct(null);
        long x = in.readInt64("x");
        String wire = in.readStr("kind");
        String kind = wire;
        if (!List.of("a", "b").contains(wire)) {
            in.unknownEnumValue("kind", wire);
            kind = "UNRECOGNIZED";
        }
        String y = null;
        if (in.optional("inner")) {
            in.startStruct("inner");
            y = in.readStr("y");
            in.checkStruct();
            in.endStruct();
        }
        in.checkStruct();
        in.endStruct();
        return new Decoded(x, kind, y);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void unknownMembersArePassedOverWithTheirPaths() throws Exception {
        InputVisitor in = InputVisitor.tolerant(json("{\"x\": 1, \"kind\": \"a\", \"new\": [1], \"inner\": {\"y\": \"s\", \"z\": true}}"));
        assertEquals(new Decoded(1, "a", "s"), read(in));
        assertEquals(List.of(new Skew(Skew.Kind.UNKNOWN_MEMBER, "inner.z", json("true")),
                new Skew(Skew.Kind.UNKNOWN_MEMBER, "new", json("[1]"))), in.skews());
    }

    @Test
    void unknownEnumValuesDecodeAsUnrecognizedAndKeepTheirWireString() throws Exception {
        InputVisitor in = InputVisitor.tolerant(json("{\"x\": 1, \"kind\": \"c\"}"));
        assertEquals(new Decoded(1, "UNRECOGNIZED", null), read(in));
        assertEquals(List.of(new Skew(Skew.Kind.UNKNOWN_ENUM_VALUE, "kind", json("\"c\""))), in.skews());
    }

    @Test
    void aMissingMandatoryMemberStillFailsTheValue() throws Exception {
        InputVisitor in = InputVisitor.tolerant(json("{\"x\": 1, \"kind\": \"a\", \"inner\": {}}"));
        assertEquals("Parameter 'inner.y' is missing", assertThrows(QmpException.class, () -> read(in)).desc());
    }

    @Test
    void aWrongJsonTypeStillFailsTheValue() throws Exception {
        InputVisitor in = InputVisitor.tolerant(json("{\"x\": \"1\", \"kind\": \"a\"}"));
        assertEquals("Invalid parameter type for 'x', expected: integer",
                assertThrows(QmpException.class, () -> read(in)).desc());
    }

    @Test
    void theStrictVisitorIsUnchanged() throws Exception {
        assertEquals("Parameter 'new' is unexpected", assertThrows(QmpException.class,
                () -> read(new InputVisitor(json("{\"x\": 1, \"kind\": \"a\", \"new\": 2}")))).desc());
        assertEquals("Parameter 'kind' does not accept value 'c'", assertThrows(QmpException.class,
                () -> read(new InputVisitor(json("{\"x\": 1, \"kind\": \"c\"}")))).desc());
        InputVisitor strict = new InputVisitor(json("{\"x\": 1, \"kind\": \"a\"}"));
        read(strict);
        assertEquals(List.of(), strict.skews());
    }
}

package dev.qapi.runtime.marshal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QNull;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Encodes generated types as JSON the way QEMU's QObject output visitor does: members in schema order,
 * absent optional members left out, unsigned integers kept unsigned, and members hidden when the compat
 * policy says so. The wire writer later puts object keys in QEMU's order.
 */
public final class OutputVisitor {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CompatPolicy policy;

    /** An output visitor under {@code policy}. */
    public OutputVisitor(CompatPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** An output visitor under the default policy. */
    public OutputVisitor() {
        this(CompatPolicy.DEFAULT);
    }

    /** The compat policy applied. */
    public CompatPolicy policy() {
        return policy;
    }

    /** Whether a member carrying {@code features} is hidden by the policy. */
    public boolean hides(int features) {
        return policy.hidesOutput(features);
    }

    /** A new empty object. */
    public ObjectNode object() {
        return NODES.objectNode();
    }

    /** {@code values} as a JSON array, each element written with {@code element}. */
    public <T> ArrayNode list(List<T> values, Writer<? super T> element) {
        ArrayNode array = NODES.arrayNode(values.size());
        for (T value : values) {
            array.add(element.write(this, value));
        }
        return array;
    }

    /** {@code values} of a generated type as a JSON array. */
    public ArrayNode list(List<? extends QapiValue> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        for (QapiValue value : values) {
            array.add(value.write(this));
        }
        return array;
    }

    /** A {@code str}. */
    public JsonNode str(String value) {
        return NODES.textNode(value);
    }

    /** A {@code bool}. */
    public JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }

    /** A {@code number}. */
    public JsonNode number(double value) {
        return NODES.numberNode(value);
    }

    /** A signed integer of any width. */
    public JsonNode int64(long value) {
        return NODES.numberNode(value);
    }

    /** A {@code uint64} or {@code size} held in a long: values above 2^63-1 stay positive. */
    public JsonNode uint64(long value) {
        if (value >= 0) {
            return NODES.numberNode(value);
        }
        return NODES.numberNode(new BigInteger(Long.toUnsignedString(value)));
    }

    /** An {@code any}. */
    public JsonNode any(JsonNode value) {
        return value.deepCopy();
    }

    /** A {@code null}. */
    public JsonNode nul(QNull value) {
        return NODES.nullNode();
    }

    // Writer-shaped forms of the scalar encoders, for lists of built-in types.

    /** {@link #str(String)} as a {@link Writer}. */
    public static JsonNode writeStr(OutputVisitor out, String value) {
        return out.str(value);
    }

    /** {@link #bool(boolean)} as a {@link Writer}. */
    public static JsonNode writeBool(OutputVisitor out, Boolean value) {
        return out.bool(value);
    }

    /** {@link #number(double)} as a {@link Writer}. */
    public static JsonNode writeNumber(OutputVisitor out, Double value) {
        return out.number(value);
    }

    /** {@link #int64(long)} as a {@link Writer}, for every signed width and the small unsigned ones. */
    public static JsonNode writeInt(OutputVisitor out, Number value) {
        return out.int64(value.longValue());
    }

    /** {@link #uint64(long)} as a {@link Writer}. */
    public static JsonNode writeUint64(OutputVisitor out, Long value) {
        return out.uint64(value);
    }

    /** {@link #any(JsonNode)} as a {@link Writer}. */
    public static JsonNode writeAny(OutputVisitor out, JsonNode value) {
        return out.any(value);
    }

    /** {@link #nul(QNull)} as a {@link Writer}. */
    public static JsonNode writeNull(OutputVisitor out, QNull value) {
        return out.nul(value);
    }
}

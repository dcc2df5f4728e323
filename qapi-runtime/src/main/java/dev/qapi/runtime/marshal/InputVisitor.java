package dev.qapi.runtime.marshal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.qapi.runtime.json.QDictOrder;
import dev.qapi.runtime.QNull;
import dev.qapi.runtime.QmpException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a JSON value into generated types the way QEMU's QObject input visitor does: members in schema
 * order, the first problem reported, with QEMU's exact error texts and member paths ({@code a.b},
 * {@code a[0]}).
 *
 * <p>Generated code drives it: {@code startStruct}, one {@code read*} per member (guarded by
 * {@link #optional}), {@link #checkStruct()}, {@link #endStruct()}. Every error is a {@link QmpException}
 * of class {@code GenericError}. An instance decodes one value and is not thread-safe.
 *
 * <p>That strict visitor decodes what a QMP server receives and checks what a client sends. What a
 * client receives (returns, events) is decoded by a {@link #tolerant} one, since the server may be of
 * another version: members the bindings do not know are ignored and enum values they do not know
 * decode as the enum's {@code UNRECOGNIZED} constant, both recorded as {@link Skew}s; everything else
 * (a missing mandatory member, a wrong JSON type, an out-of-range integer) fails the value as strictly.
 */
public final class InputVisitor {
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private final JsonNode root;
    private final CompatPolicy policy;
    /** Null when strict; what was passed over when tolerant. */
    private final List<Skew> skews;
    private Frame top;

    /** One open object or list. */
    private static final class Frame {
        final Frame parent;
        final String name;
        final JsonNode container;
        /** The members read so far, each once, in reading order. */
        final List<String> consumed;
        final Iterator<JsonNode> elements;
        JsonNode next;
        int index = -1;

        Frame(Frame parent, String name, JsonNode container) {
            this.parent = parent;
            this.name = name;
            this.container = container;
            if (container.isObject()) {
                consumed = new ArrayList<>(container.size());
                elements = null;
            } else {
                consumed = null;
                elements = container.elements();
                next = elements.hasNext() ? elements.next() : null;
            }
        }
    }

    /** A visitor over {@code root} (for command arguments, the arguments object) under {@code policy}. */
    public InputVisitor(JsonNode root, CompatPolicy policy) {
        this(root, policy, null);
    }

    private InputVisitor(JsonNode root, CompatPolicy policy, List<Skew> skews) {
        this.root = Objects.requireNonNull(root, "root");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.skews = skews;
    }

    /**
     * A tolerant visitor over {@code root}, for what a server sends a client: unknown members and enum
     * values are passed over and recorded in {@link #skews()}; the compat policy accepts everything.
     */
    public static InputVisitor tolerant(JsonNode root) {
        return new InputVisitor(root, CompatPolicy.DEFAULT, new ArrayList<>(0));
    }

    /** Whether this visitor is {@link #tolerant}. */
    public boolean isTolerant() {
        return skews != null;
    }

    /** What a tolerant visitor passed over so far, in the order met; always empty when strict. */
    public List<Skew> skews() {
        return skews == null ? List.of() : List.copyOf(skews);
    }

    /** A visitor over {@code root} under the default compat policy. */
    public InputVisitor(JsonNode root) {
        this(root, CompatPolicy.DEFAULT);
    }

    /** The compat policy the visitor applies. */
    public CompatPolicy policy() {
        return policy;
    }

    // ---- paths --------------------------------------------------------------------------------

    /** The member path QEMU prints for {@code name} in the current container. */
    public String fullName(String name) {
        return fullName(name, 0);
    }

    private String fullName(String name, int skip) {
        StringBuilder path = new StringBuilder();
        int n = skip;
        for (Frame frame = top; frame != null; frame = frame.parent) {
            if (n > 0) {
                n--;
            } else if (frame.container.isObject()) {
                path.insert(0, name != null ? name : "<anonymous>");
                path.insert(0, '.');
            } else {
                path.insert(0, "[" + Integer.toUnsignedString(frame.index) + "]");
            }
            name = frame.name;
        }
        if (name != null) {
            path.insert(0, name);
        } else if (path.length() > 0 && path.charAt(0) == '.') {
            path.deleteCharAt(0);
        } else if (path.length() == 0) {
            return "<anonymous>";
        }
        return path.toString();
    }

    private static String localName(String name) {
        return name != null ? name : "null";
    }

    // ---- access ---------------------------------------------------------------------------------

    private JsonNode tryGet(String name, boolean consume) {
        if (top == null) {
            return root;
        }
        if (top.container.isObject()) {
            JsonNode value = top.container.get(name);
            if (value != null && consume && !top.consumed.contains(name)) {
                top.consumed.add(name);
            }
            return value;
        }
        JsonNode value = top.next;
        if (consume) {
            if (value != null) {
                top.next = top.elements.hasNext() ? top.elements.next() : null;
            }
            top.index++;
        }
        return value;
    }

    private JsonNode get(String name, boolean consume) {
        JsonNode value = tryGet(name, consume);
        if (value == null) {
            throw QmpException.generic("Parameter '" + fullName(name) + "' is missing");
        }
        return value;
    }

    private QmpException typeError(String name, String expected) {
        return QmpException.generic("Invalid parameter type for '" + fullName(name) + "', expected: " + expected);
    }

    // ---- containers -----------------------------------------------------------------------------

    /** Whether the optional member {@code name} is present (QEMU's {@code visit_optional}). */
    public boolean optional(String name) {
        return tryGet(name, false) != null;
    }

    /** Opens the object {@code name}; it must be present and a JSON object. */
    public void startStruct(String name) {
        JsonNode value = get(name, true);
        if (!value.isObject()) {
            throw typeError(name, "object");
        }
        top = new Frame(top, name, value);
    }

    /**
     * Fails on the first member of the current object that no read consumed; a tolerant visitor records
     * each such member instead.
     */
    public void checkStruct() {
        if (top.consumed.size() == top.container.size()) {
            return;
        }
        if (skews != null) {
            top.container.fields().forEachRemaining(member -> {
                if (!top.consumed.contains(member.getKey())) {
                    skews.add(new Skew(Skew.Kind.UNKNOWN_MEMBER, fullName(member.getKey()), member.getValue()));
                }
            });
            return;
        }
        // QEMU puts the keys into a GLib hash table in QDict order and removes each member as it is
        // read; which unexpected key it names first depends on all of that. Only an error needs it, so
        // the table is replayed here rather than kept up to date on every read.
        GHashTableOrder left = GHashTableOrder.of(QDictOrder.keys((ObjectNode) top.container));
        top.consumed.forEach(left::remove);
        throw QmpException.generic("Parameter '" + fullName(left.first().orElseThrow()) + "' is unexpected");
    }

    /** Closes the current object. */
    public void endStruct() {
        top = top.parent;
    }

    /** Opens the list {@code name}; it must be present and a JSON array. */
    public void startList(String name) {
        JsonNode value = get(name, true);
        if (!value.isArray()) {
            throw typeError(name, "array");
        }
        top = new Frame(top, name, value);
    }

    /** Whether the current list has another element to read (read it with a {@code null} name). */
    public boolean hasNextElement() {
        return top.next != null;
    }

    /** Closes the current list. */
    public void endList() {
        top = top.parent;
    }

    /** Reads the list {@code name}, each element with {@code element}. */
    public <T> List<T> readList(String name, Reader<T> element) {
        startList(name);
        List<T> values = new ArrayList<>();
        while (hasNextElement()) {
            values.add(element.read(this, null));
        }
        endList();
        return List.copyOf(values);
    }

    /**
     * Looks at the alternate {@code name} without consuming it, to choose its branch by JSON type.
     *
     * @return the value's JSON type
     */
    public JsonNodeType startAlternate(String name) {
        return get(name, false).getNodeType();
    }

    /** The error for an alternate whose JSON type matches no branch. */
    public QmpException alternateTypeError(String name, String alternateName) {
        return QmpException.generic("Invalid parameter type for '" + localName(name) + "', expected: " + alternateName);
    }

    // ---- compat policy --------------------------------------------------------------------------

    /** Applies the input policy to the present member {@code name} carrying {@code features}. */
    public void checkMemberPolicy(String name, int features) {
        policy.checkInput(features, QmpException.GENERIC_ERROR, "parameter", name);
    }

    /** Applies the input policy to the enum value {@code value} carrying {@code features}. */
    public void checkEnumValuePolicy(String value, int features) {
        policy.checkInput(features, QmpException.GENERIC_ERROR, "value", value);
    }

    /**
     * Handles {@code value}, read as the enum {@code name} but not one of its values: a strict visitor
     * throws {@link #enumValueError}; a tolerant one records it, and the caller then decodes the enum's
     * {@code UNRECOGNIZED} constant.
     */
    public void unknownEnumValue(String name, String value) {
        if (skews == null) {
            throw enumValueError(name, value);
        }
        skews.add(new Skew(Skew.Kind.UNKNOWN_ENUM_VALUE, fullName(name),
                TextNode.valueOf(value)));
    }

    /**
     * A copy of the object the visitor has open, as received: what a tolerant decoder keeps of a union
     * whose discriminator has a value these bindings do not know (its members it does not read are then
     * reported by {@link #checkStruct()} as unknown members).
     */
    public ObjectNode currentObject() {
        return ((ObjectNode) top.container).deepCopy();
    }

    /** The error for a string that is not one of an enum's values. */
    public QmpException enumValueError(String name, String value) {
        return QmpException.generic("Parameter '" + localName(name) + "' does not accept value '" + value + "'");
    }

    // ---- scalars --------------------------------------------------------------------------------

    /** Reads a {@code str}. */
    public String readStr(String name) {
        JsonNode value = get(name, true);
        if (!value.isTextual()) {
            throw typeError(name, "string");
        }
        return value.textValue();
    }

    /** Reads a {@code bool}. */
    public boolean readBool(String name) {
        JsonNode value = get(name, true);
        if (!value.isBoolean()) {
            throw typeError(name, "boolean");
        }
        return value.booleanValue();
    }

    /** Reads a {@code number}: any JSON number. */
    public double readNumber(String name) {
        JsonNode value = get(name, true);
        if (!value.isNumber()) {
            throw typeError(name, "number");
        }
        return value.doubleValue();
    }

    /** Reads an {@code any}: whatever JSON value is there. */
    public JsonNode readAny(String name) {
        return get(name, true).deepCopy();
    }

    /** Reads a {@code null}. */
    public QNull readNull(String name) {
        JsonNode value = get(name, true);
        if (!value.isNull()) {
            throw typeError(name, "null");
        }
        return QNull.INSTANCE;
    }

    /** Reads an {@code int} or {@code int64}. */
    public long readInt64(String name) {
        JsonNode value = get(name, true);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw typeError(name, "integer");
        }
        return value.longValue();
    }

    /**
     * Reads a {@code uint64} (or {@code size}), as a long holding the unsigned value. Negative values are
     * accepted and wrap, as QEMU keeps doing for compatibility.
     */
    public long readUint64(String name) {
        JsonNode value = get(name, true);
        if (value.isIntegralNumber()) {
            if (value.canConvertToLong()) {
                return value.longValue();
            }
            BigInteger big = value.bigIntegerValue();
            if (big.signum() > 0 && big.compareTo(UINT64_LIMIT) < 0) {
                return big.longValue();
            }
        }
        throw QmpException.generic("Parameter '" + fullName(name) + "' expects uint64");
    }

    /** Reads a {@code size}: the same as {@code uint64} on the wire. */
    public long readSize(String name) {
        return readUint64(name);
    }

    private long readSigned(String name, long min, long max, String cType) {
        long value = readInt64(name);
        if (value < min || value > max) {
            throw QmpException.generic("Parameter '" + localName(name) + "' expects " + cType);
        }
        return value;
    }

    private long readUnsigned(String name, long max, String cType) {
        long value = readUint64(name);
        if (Long.compareUnsigned(value, max) > 0) {
            throw QmpException.generic("Parameter '" + localName(name) + "' expects " + cType);
        }
        return value;
    }

    /** Reads an {@code int8}. */
    public byte readInt8(String name) {
        return (byte) readSigned(name, Byte.MIN_VALUE, Byte.MAX_VALUE, "int8_t");
    }

    /** Reads an {@code int16}. */
    public short readInt16(String name) {
        return (short) readSigned(name, Short.MIN_VALUE, Short.MAX_VALUE, "int16_t");
    }

    /** Reads an {@code int32}. */
    public int readInt32(String name) {
        return (int) readSigned(name, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32_t");
    }

    /** Reads a {@code uint8} (0 to 255). */
    public short readUint8(String name) {
        return (short) readUnsigned(name, 0xFF, "uint8_t");
    }

    /** Reads a {@code uint16} (0 to 65535). */
    public int readUint16(String name) {
        return (int) readUnsigned(name, 0xFFFF, "uint16_t");
    }

    /** Reads a {@code uint32} (0 to 4294967295). */
    public long readUint32(String name) {
        return readUnsigned(name, 0xFFFF_FFFFL, "uint32_t");
    }
}

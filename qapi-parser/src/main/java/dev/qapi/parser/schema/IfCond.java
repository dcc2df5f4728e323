package dev.qapi.parser.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A condition ({@code 'if'}) on a definition, member, enum value, branch or feature: the configuration
 * symbols it depends on, combined with {@code all}, {@code any} and {@code not}.
 *
 * <p>{@code toString()} renders it in the schema dump's form: {@code FOO}, {@code all(A, B)},
 * {@code any(A, B)}, {@code not(A)}, and the empty string for {@link Always}.
 */
public sealed interface IfCond permits IfCond.Always, IfCond.Name, IfCond.All, IfCond.Any, IfCond.Not {

    /** The condition of something unconditional. */
    IfCond ALWAYS = new Always();

    /** Whether there is a condition at all (QEMU's {@code is_present}). */
    default boolean isPresent() {
        return !(this instanceof Always);
    }

    /**
     * Evaluates the condition for a build in which exactly the symbols in {@code defined} are defined
     * (what the C preprocessor does with QEMU's generated {@code #if}).
     */
    default boolean evaluate(java.util.Set<String> defined) {
        if (this instanceof Name name) {
            return defined.contains(name.symbol());
        }
        if (this instanceof All all) {
            return all.operands().stream().allMatch(c -> c.evaluate(defined));
        }
        if (this instanceof Any any) {
            return any.operands().stream().anyMatch(c -> c.evaluate(defined));
        }
        if (this instanceof Not not) {
            return !not.operand().evaluate(defined);
        }
        return true;
    }

    /**
     * The condition written as {@code value} in a normalized expression: {@code null}, a symbol string,
     * or a map with one key {@code all} / {@code any} (a list of conditions) or {@code not} (a condition).
     */
    static IfCond of(Object value) {
        if (value == null) {
            return ALWAYS;
        }
        if (value instanceof String symbol) {
            return new Name(symbol);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            if (map.containsKey("not")) {
                return new Not(of(map.get("not")));
            }
            if (map.containsKey("all")) {
                return new All(operands(map.get("all")));
            }
            if (map.containsKey("any")) {
                return new Any(operands(map.get("any")));
            }
        }
        throw new IllegalArgumentException("not a normalized condition: " + value);
    }

    private static List<IfCond> operands(Object value) {
        List<IfCond> out = new ArrayList<>();
        for (Object operand : (List<?>) value) {
            out.add(of(operand));
        }
        return out;
    }

    /** No condition. */
    record Always() implements IfCond {
        @Override
        public String toString() {
            return "";
        }
    }

    /** A configuration symbol, e.g. {@code CONFIG_VNC}. */
    record Name(String symbol) implements IfCond {
        @Override
        public String toString() {
            return symbol;
        }
    }

    /** True when every operand is. */
    record All(List<IfCond> operands) implements IfCond {
        public All {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return "all(" + join(operands) + ")";
        }
    }

    /** True when some operand is. */
    record Any(List<IfCond> operands) implements IfCond {
        public Any {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return "any(" + join(operands) + ")";
        }
    }

    /** True when the operand is not. */
    record Not(IfCond operand) implements IfCond {
        @Override
        public String toString() {
            return "not(" + operand + ")";
        }
    }

    private static String join(List<IfCond> operands) {
        return operands.stream().map(IfCond::toString).collect(Collectors.joining(", "));
    }
}

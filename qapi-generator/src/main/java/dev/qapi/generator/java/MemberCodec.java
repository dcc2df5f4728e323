package dev.qapi.generator.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.qapi.parser.schema.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing a list of members, the way QEMU's generated {@code visit_type_X_members} does: in
 * schema order, optional members only when present, the compat policy applied to members with special
 * features. Shared by structs, union branches, command arguments and event data.
 */
final class MemberCodec {
    private final JavaTypes types;

    MemberCodec(JavaTypes types) {
        this.types = types;
    }

    /** The members that are part of this build. */
    List<Member> included(List<Member> members) {
        List<Member> included = new ArrayList<>(members.size());
        for (Member m : members) {
            if (types.options().includes(m.ifcond())) {
                included.add(m);
            }
        }
        return List.copyOf(included);
    }

    /** Java names for {@code members} (already filtered), distinct from each other and from {@code reserved}. */
    static Map<String, String> javaNames(List<Member> members, String... reserved) {
        JavaNames.Scope scope = new JavaNames.Scope(reserved);
        Map<String, String> names = new LinkedHashMap<>();
        for (Member m : members) {
            names.put(m.name(), scope.claim(JavaNames.lowerCamel(m.name())));
        }
        return names;
    }

    /**
     * A name for a local or parameter that differs from every member's Java name, ignoring case (as a
     * {@link JavaNames.Scope} of the member names would hand it out; the names are ASCII, as QAPI's are).
     */
    static String freeName(Map<String, String> memberNames, String wanted) {
        String name = wanted;
        while (isTaken(memberNames, name)) {
            name = name + "_";
        }
        return name;
    }

    private static boolean isTaken(Map<String, String> memberNames, String name) {
        for (String taken : memberNames.values()) {
            if (taken.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The Java type of {@code m}. */
    TypeName javaType(Member m) {
        return types.memberType(m.typeName(), m.optional());
    }

    /** A parameter or component for {@code m}, annotated with its schema facts. */
    ParameterSpec parameter(Member m, String javaName) {
        return ParameterSpec.builder(javaType(m), javaName)
                .addAnnotations(Annotations.ofComponent(m.name().equals(javaName) ? null : m.name(), m.features(), m.ifcond(),
                        types.options()))
                .build();
    }

    /** Statements declaring one local per member, read with visitor {@code in}. */
    CodeBlock readLocals(List<Member> members, Map<String, String> names, String in) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Member m : members) {
            String local = names.get(m.name());
            CodeBlock read = types.read(m.typeName(), in, CodeBlock.of("$S", m.name()));
            CodeBlock mask = Annotations.specialMask(m.features(), types.options());
            if (m.optional()) {
                code.addStatement("$T $N = $T.empty()", javaType(m), local, JavaTypes.OPTIONAL);
                code.beginControlFlow("if ($N.optional($S))", in, m.name());
                if (mask != null) {
                    code.addStatement("$N.checkMemberPolicy($S, $L)", in, m.name(), mask);
                }
                code.addStatement("$N = $T.of($L)", local, JavaTypes.OPTIONAL, read);
                code.endControlFlow();
            } else {
                if (mask != null) {
                    code.addStatement("$N.checkMemberPolicy($S, $L)", in, m.name(), mask);
                }
                code.addStatement("$T $N = $L", javaType(m), local, read);
            }
        }
        return code.build();
    }

    /**
     * Statements putting each member into the object {@code json} with visitor {@code out}; member
     * values are the expressions {@code prefix + javaName} (e.g. fields, or {@code data.} accessors).
     */
    CodeBlock writeMembers(List<Member> members, Map<String, String> names, String out, String json, boolean accessors,
            String receiver) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Member m : members) {
            String javaName = names.get(m.name());
            CodeBlock value = receiver == null
                    ? CodeBlock.of("$N", javaName)
                    : accessors ? CodeBlock.of("$N.$N()", receiver, javaName) : CodeBlock.of("$N.$N", receiver, javaName);
            CodeBlock mask = Annotations.specialMask(m.features(), types.options());
            if (mask != null) {
                code.beginControlFlow("if (!$N.hides($L))", out, mask);
            }
            if (m.optional()) {
                code.beginControlFlow("if ($L.isPresent())", value);
                code.addStatement("$N.set($S, $L)", json, m.name(), types.write(m.typeName(), out, CodeBlock.of("$L.get()", value)));
                code.endControlFlow();
            } else {
                code.addStatement("$N.set($S, $L)", json, m.name(), types.write(m.typeName(), out, value));
            }
            if (mask != null) {
                code.endControlFlow();
            }
        }
        return code.build();
    }

    /** Statements validating constructor arguments: non-null references, ranges of widened unsigned types. */
    CodeBlock validate(List<Member> members, Map<String, String> names) {
        CodeBlock.Builder code = CodeBlock.builder();
        String v = freeName(names, "v");
        for (Member m : members) {
            String n = names.get(m.name());
            if (m.optional() || types.isReference(m.typeName())) {
                code.addStatement("$T.requireNonNull($N, $S)", JdkTypes.OBJECTS, n, n);
            }
            long max = types.unsignedMax(m.typeName());
            if (max != 0) {
                if (m.optional()) {
                    code.addStatement("$N.ifPresent($N -> $T.checkUnsigned($N, $LL, $S))", n, v, ClassNames.RANGES, v, max, m.name());
                } else {
                    code.addStatement("$T.checkUnsigned($N, $LL, $S)", ClassNames.RANGES, n, max, m.name());
                }
            }
            if (!m.optional() && types.schema().type(m.typeName()) instanceof dev.qapi.parser.schema.ArrayType array) {
                long elementMax = types.unsignedMax(array.elementTypeName());
                if (elementMax != 0) {
                    code.addStatement("$N.forEach($N -> $T.checkUnsigned($N, $LL, $S))", n, v, ClassNames.RANGES, v, elementMax, m.name());
                }
            }
            if (types.schema().type(m.typeName()) instanceof dev.qapi.parser.schema.ArrayType) {
                code.addStatement(m.optional() ? "$N = $N.map($T::copyOf)" : "$N = $T.copyOf($N)",
                        m.optional() ? new Object[] {n, n, JdkTypes.LIST} : new Object[] {n, JdkTypes.LIST, n});
            }
        }
        return code.build();
    }

}

package dev.qapi.parser.schema;

import java.util.Set;

/**
 * QAPI names mapped to C identifiers, as QEMU's {@code c_name} maps them. The schema compares the results
 * to find members that would clash in generated code.
 */
public final class CName {

    private static final Set<String> TICKLISH = Set.of(
            // C89
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
            "extern", "float", "for", "goto", "if", "int", "long", "register", "return", "short", "signed",
            "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
            "while",
            // C99
            "inline", "restrict", "_Bool", "_Complex", "_Imaginary",
            // C11
            "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
            // GCC
            "asm", "typeof",
            // C++
            "bool", "catch", "class", "const_cast", "delete", "dynamic_cast", "explicit", "false", "friend",
            "mutable", "namespace", "new", "operator", "private", "protected", "public", "reinterpret_cast",
            "static_cast", "template", "this", "throw", "true", "try", "typeid", "typename", "using",
            "virtual", "wchar_t", "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or",
            "or_eq", "xor", "xor_eq",
            // names predefined by common platforms
            "unix", "errno", "mips", "sparc", "i386", "linux");

    private CName() {
    }

    /** {@link #of(String, boolean)} with protection: {@code int} gives {@code q_int}. */
    public static String of(String name) {
        return of(name, true);
    }

    /**
     * Every character outside {@code [A-Za-z0-9_]} becomes {@code _}; with {@code protect}, a C/C++ keyword,
     * a polluted platform name or a name starting with a digit gets the prefix {@code q_}.
     */
    public static String of(String name, boolean protect) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            out.append(ok ? c : '_');
        }
        String mapped = out.toString();
        if (protect && (TICKLISH.contains(mapped)
                || (!mapped.isEmpty() && Character.isDigit(mapped.charAt(0))))) {
            return "q_" + mapped;
        }
        return mapped;
    }
}

package dev.qapi.parser;

import java.util.Set;

/**
 * QEMU's mapping of QAPI names to C identifiers ({@code c_name}). The schema rules use it: reserved
 * prefixes ({@code q_}, {@code has_}) and member clashes are judged on C names, so {@code a-b} and
 * {@code a_b} clash.
 */
public final class CName {
    private static final Set<String> TICKLISH = Set.of(
            // C89
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
            "enum", "extern", "float", "for", "goto", "if", "int", "long", "register", "return",
            "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned",
            "void", "volatile", "while",
            // C99, C11
            "inline", "restrict", "_Bool", "_Complex", "_Imaginary", "_Alignas", "_Alignof",
            "_Atomic", "_Generic", "_Noreturn", "_Static_assert", "_Thread_local",
            // GCC
            "asm", "typeof",
            // C++
            "bool", "catch", "class", "const_cast", "delete", "dynamic_cast", "explicit", "false",
            "friend", "mutable", "namespace", "new", "operator", "private", "protected", "public",
            "reinterpret_cast", "static_cast", "template", "this", "throw", "true", "try", "typeid",
            "typename", "using", "virtual", "wchar_t", "and", "and_eq", "bitand", "bitor", "compl",
            "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
            // namespace pollution
            "unix", "errno", "mips", "sparc", "i386", "linux");

    private CName() {
    }

    /** Every character outside {@code [A-Za-z0-9_]} becomes {@code _}. */
    public static String of(String name) {
        int i = 0;
        while (i < name.length() && isCChar(name.charAt(i))) {
            i++;
        }
        if (i == name.length()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length()).append(name, 0, i);
        for (; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(isCChar(c) ? c : '_');
        }
        return out.toString();
    }

    private static boolean isCChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** As {@link #of}, then {@code q_} in front of C/C++ keywords, polluted words and leading digits. */
    public static String protect(String name) {
        String c = of(name);
        if (TICKLISH.contains(c) || (!c.isEmpty() && Character.isDigit(c.charAt(0)))) {
            return "q_" + c;
        }
        return c;
    }
}

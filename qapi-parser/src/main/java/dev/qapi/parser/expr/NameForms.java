package dev.qapi.parser.expr;

/**
 * The forms of names in {@code expr.py}, whose regular expressions are spelled out here as character
 * tests: they run for every name in a schema, and a fresh JVM runs a regex engine slowly. Each method
 * says which expression it decides; {@code NameFormsTest} checks them against those expressions.
 */
final class NameForms {

    private NameForms() {
    }

    /**
     * The stem of a valid name: what is left of {@code name} after an optional {@code __vendor_} prefix
     * and an optional {@code x-}, or {@code null} if {@code name} is not valid. QEMU's
     * {@code valid_name}: {@code (__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)} matched whole, ignoring ASCII
     * case, and its third group.
     */
    static String stem(String name) {
        int n = name.length();
        int i = 0;
        if (name.startsWith("_")) {
            // Only the vendor prefix can start with '_', and its '[a-z0-9.-]+' cannot hold the '_' that
            // closes it, so there is no choice to make.
            if (!name.startsWith("__")) {
                return null;
            }
            i = 2;
            while (i < n && isVendorChar(name.charAt(i))) {
                i++;
            }
            if (i == 2 || i == n || name.charAt(i) != '_') {
                return null;
            }
            i++;
        }
        // '(x-)?' is greedy but gives way when the rest is not a stem: 'x-1' is the stem 'x-1'.
        if (i + 1 < n && (name.charAt(i) == 'x' || name.charAt(i) == 'X') && name.charAt(i + 1) == '-'
                && isStem(name, i + 2)) {
            return name.substring(i + 2);
        }
        return isStem(name, i) ? name.substring(i) : null;
    }

    /** Whether {@code name} from {@code from} on is {@code [a-z][a-z0-9_-]*}, ignoring ASCII case. */
    private static boolean isStem(String name, int from) {
        int n = name.length();
        if (from >= n || !isAsciiLetter(name.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < n; i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !isDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code stem} is CamelCase: {@code [A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*}. */
    static boolean isCamelCase(String stem) {
        int n = stem.length();
        if (n < 2 || !isUpper(stem.charAt(0))) {
            return false;
        }
        boolean lower = false;
        for (int i = 1; i < n; i++) {
            char c = stem.charAt(i);
            if (isLower(c)) {
                lower = true;
            } else if (!isUpper(c) && !isDigit(c)) {
                return false;
            }
        }
        return lower;
    }

    /** Whether {@code s} is a condition's configuration symbol: {@code [A-Z][A-Z0-9_]*}. */
    static boolean isConfigSymbol(String s) {
        int n = s.length();
        if (n == 0 || !isUpper(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!isUpper(c) && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} has a character in {@code a-z} or {@code -}. */
    static boolean hasLowerOrDash(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isLower(c) || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} has a character in {@code A-Z}. */
    static boolean hasUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isUpper(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVendorChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return isLower(c) || isUpper(c);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package dev.qapi.generator.java.render;

/**
 * Java string literals as JavaPoet's {@code $S} writes them: in double quotes, with {@code \b \t \n \f \r
 * \" \\} escaped, other ISO control characters as {@code \}{@code uXXXX}, single quotes as they are,
 * and a string that continues after a line feed split into {@code "...\n"} and a new line
 * {@code + "..."} indented by two indents.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /**
     * The literal for {@code value}, including its quotes.
     *
     * @param indent one level of indentation, as the file uses it
     */
    static String quoted(String value, String indent) {
        int n = value.length();
        int i = 0;
        while (i < n && !needsEscape(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return new StringBuilder(n + 2).append('"').append(value).append('"').toString();
        }
        StringBuilder out = new StringBuilder(n + 16).append('"').append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append("\\u").append(Character.forDigit(c >> 12 & 0xf, 16)).append(Character.forDigit(c >> 8 & 0xf, 16))
                                .append(Character.forDigit(c >> 4 & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
            if (c == '\n' && i + 1 < n) {
                out.append("\"\n").append(indent).append(indent).append("+ \"");
            }
        }
        return out.append('"').toString();
    }

    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || Character.isISOControl(c);
    }
}

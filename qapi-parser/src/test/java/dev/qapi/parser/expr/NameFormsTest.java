package dev.qapi.parser.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link NameForms} decides exactly what the regular expressions of QEMU's {@code expr.py} decide. */
class NameFormsTest {
    private static final Pattern VALID_NAME =
            Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");
    private static final Pattern CONFIG_SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Test
    void examples() {
        assertEquals("foo-bar", NameForms.stem("__com.redhat_x-foo-bar"));
        assertEquals("x-1", NameForms.stem("x-1"));
        assertEquals("Foo", NameForms.stem("X-Foo"));
        assertEquals(null, NameForms.stem("__com_"));
        assertEquals(null, NameForms.stem("_foo"));
        assertEquals(true, NameForms.isCamelCase("QType"));
        assertEquals(false, NameForms.isCamelCase("QTYPE"));
        assertEquals(true, NameForms.isConfigSymbol("CONFIG_VNC"));
    }

    @Test
    void randomNamesAreJudgedAsTheRegularExpressionsJudgeThem() {
        String alphabet = "_x-.aZzA09X:@ \u00e9";
        Random random = new Random(20261125L);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            if (random.nextInt(3) == 0) {
                name.append(random.nextBoolean() ? "__" : "x-");
            }
            int length = random.nextInt(8);
            for (int k = 0; k < length; k++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = name.toString();
            Matcher m = VALID_NAME.matcher(s);
            assertEquals(m.matches() ? m.group(3) : null, NameForms.stem(s), s);
            assertEquals(CAMEL.matcher(s).matches(), NameForms.isCamelCase(s), s);
            assertEquals(CONFIG_SYMBOL.matcher(s).matches(), NameForms.isConfigSymbol(s), s);
            assertEquals(s.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || c == '-'), NameForms.hasLowerOrDash(s), s);
            assertEquals(s.chars().anyMatch(c -> c >= 'A' && c <= 'Z'), NameForms.hasUpper(s), s);
        }
    }
}

package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    @Test
    void packageNamesAreCheckedAsTheRegexWould() {
        for (String name : List.of("com.example.qmp", "a", "_$.b9", "", ".", "a.", ".a", "a..b", "1a", "a.1b",
                "a-b", "é", "a b")) {
            assertEquals(PACKAGE.matcher(name).matches(), GeneratorOptions.isPackageName(name), name);
        }
        Random random = new Random(4);
        String alphabet = "aZ_$09.-é ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(PACKAGE.matcher(name).matches(), GeneratorOptions.isPackageName(name.toString()), name.toString());
        }
    }

    @Test
    void aBadPackageNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.of("a..b"));
        assertEquals("not a Java package name: 'a..b'", e.getMessage());
    }

    @Test
    void definesAreKept() {
        assertEquals(Optional.of(Set.of("B", "A")), new GeneratorOptions("p", Optional.of(Set.of("A", "B"))).defines());
        assertEquals(Optional.empty(), GeneratorOptions.of("p").defines());
    }
}

package dev.qapi.parser.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link DocReader}'s line tests decide exactly what the regular expressions of QEMU's {@code parser.py} decide. */
class DocReaderTest {
    private static final Pattern NAME_COLON = Pattern.compile("@([^:]*): *");
    private static final Pattern TAG = Pattern.compile("(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *");

    @Test
    void randomLinesAreJudgedAsTheRegularExpressionsJudgeThem() {
        String[] pieces = {"@", ":", "::", " ", "a", "-", "Returns", "Errors", "Since", "Note", "Notes", "s",
            "Example", "Examples", "TODO", "\t", "x"};
        Random random = new Random(20261125L);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(6);
            for (int k = 0; k < length; k++) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = line.toString();
            Matcher m = NAME_COLON.matcher(s);
            int colon = DocReader.nameColon(s);
            assertEquals(m.lookingAt() ? m.group(1) : null, colon < 0 ? null : s.substring(1, colon), s);
            Matcher t = TAG.matcher(s);
            assertEquals(t.lookingAt() ? t.group(1) : null, DocReader.tag(s), s);
        }
    }
}

package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A schema file's text as QEMU's lexer sees it: decoded as UTF-8, CR LF and lone CR turned into LF
 * (Python's universal newlines), and ending in LF.
 */
final class SchemaText {

    private SchemaText() {
    }

    /**
     * Decodes and normalizes {@code bytes} into the characters the tokenizer reads.
     *
     * @throws QapiError located at the first byte that is not valid UTF-8 (where QEMU's generator
     *     crashes with a traceback)
     */
    static char[] decode(byte[] bytes, SourceInfo fileStart) {
        char[] ascii = decodeAscii(bytes);
        return ascii != null ? ascii : decodeUtf8(bytes, fileStart).toCharArray();
    }

    /**
     * Text that is all ASCII (most schema files), decoded and normalized in one pass; {@code null} at
     * the first byte beyond ASCII. On a cold JVM this one loop is cheaper than the JDK's decoding,
     * newline search and copy to an array, which each walk the text, interpreted at first.
     */
    static char[] decodeAscii(byte[] bytes) {
        // Room for the final newline only when it is missing, so that the usual file needs no copy.
        boolean endsInNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        char[] out = new char[endsInNewline ? bytes.length : bytes.length + 1];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return null;
            }
            if (b == '\r') {
                out[n++] = '\n';
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = (char) b;
            }
        }
        if (n == 0 || out[n - 1] != '\n') {
            out[n++] = '\n';
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static String decodeUtf8(byte[] bytes, SourceInfo fileStart) {
        // The JDK's own decoding is much faster on a cold JVM than a CharsetDecoder loop. It replaces
        // malformed input by U+FFFD, so only text holding that character needs the strict decoder's
        // verdict; for valid input both give the same text.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return normalizeNewlines(text);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalidUtf8(out.flip().toString(), fileStart);
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw invalidUtf8(out.flip().toString(), fileStart);
        }
        return normalizeNewlines(out.flip().toString());
    }

    private static QapiError invalidUtf8(String before, SourceInfo fileStart) {
        String text = before.replace("\r\n", "\n").replace('\r', '\n');
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int col = text.codePointCount(lineStart, text.length()) + 1;
        return QapiError.parse(fileStart.nextLine(line - 1), col, "invalid UTF-8 byte sequence");
    }

    static String normalizeNewlines(String raw) {
        if (raw.indexOf('\r') < 0) {
            return raw.endsWith("\n") ? raw : raw + "\n";
        }
        StringBuilder out = new StringBuilder(raw.length() + 1);
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out.toString();
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isPythonSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0
                || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }
}

package dev.qapi.runtime.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference values from glibc, made by {@code tools/json-reference/cnumbers.c} (see its README): each
 * line of a resource is two space-separated fields.
 */
final class Reference {

    private Reference() {
    }

    static List<String[]> lines(String resource) {
        try (InputStream in = Reference.class.getResourceAsStream("/json/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /json/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String[]> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int space = line.indexOf(' ');
                lines.add(new String[] {line.substring(0, space), line.substring(space + 1)});
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double fromHex(String bits) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    }
}

package dev.qapi.maven;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A schema error as a build reports it: QEMU's multi-line message (include chain, {@code In struct 'X':}
 * context, {@code file:line: message}) for the log, and its one located line for the build's failure
 * message.
 *
 * @param lines the message's lines, each to be logged as an error
 * @param summary the first {@code file:line[:col]: message} line, or the whole message when it has none
 */
record SchemaErrorReport(List<String> lines, String summary) {

    // "In file included from a.json:3:" also has a location but no message: it is context, not the error.
    private static final Pattern LOCATED = Pattern.compile("^(?!In file included from ).+?:\\d+(?::\\d+)?: .+");

    static SchemaErrorReport of(String message) {
        List<String> lines = message.lines().toList();
        String summary = lines.stream()
                .filter(line -> LOCATED.matcher(line).matches())
                .findFirst()
                .orElse(message.strip());
        return new SchemaErrorReport(lines, summary);
    }
}

package dev.qapi.generator.java;

import dev.qapi.parser.doc.Doc;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code .. qmp-example::} block of a doc comment, cut into its messages.
 *
 * <p>QEMU writes each message as a line starting {@code ->} (client to server) or {@code <-} (server to
 * client) followed by one JSON value that may run over the next lines. Between messages there may be
 * prose ({@code :annotated:} examples), blank lines and {@code ::} literal-block markers; all of that is
 * ignored here. A message's text ends where its braces balance (or, when they never do, before the next
 * message or at the end of the block), so commentary after the value on its last line is left out; lines
 * that continue a message after its value closed (a misplaced brace) are kept, which makes it invalid.
 *
 * @param where the doc's location, e.g. {@code run-state.json:126}
 * @param symbol the definition it documents, e.g. {@code query-status}; empty for free-form documentation
 * @param index the block's position among the doc's examples, from 1
 * @param title the {@code :title:} option (or the directive's argument), or empty
 * @param messages the messages, in order
 */
record QmpExample(String where, String symbol, int index, String title, List<Message> messages) {

    private static final String DIRECTIVE = ".. qmp-example::";

    /** Which way a message goes. */
    enum Direction {
        /** {@code ->}: a command (or some other text) sent by the client. */
        CLIENT,
        /** {@code <-}: a reply or an event sent by the server. */
        SERVER
    }

    /**
     * One message of an example.
     *
     * @param direction which way it goes
     * @param json the text of its JSON value (not necessarily valid JSON)
     */
    record Message(Direction direction, String json) {
    }

    QmpExample {
        messages = List.copyOf(messages);
    }

    /**
     * A stable name for the message at {@code position} (from 1): {@code query-status #1.2} is the second
     * message of the first example in the doc of {@code query-status}.
     */
    String key(int position) {
        return (symbol.isEmpty() ? where : symbol) + " #" + index + "." + position;
    }

    /** Every example in {@code doc}, in textual order, numbered across its sections. */
    static List<QmpExample> allIn(Doc doc) {
        String symbol = doc.symbol() == null ? "" : doc.symbol();
        List<QmpExample> out = new ArrayList<>();
        for (Doc.Section section : doc.sections()) {
            String[] lines = section.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith(DIRECTIVE)) {
                    int end = blockEnd(lines, i);
                    String argument = lines[i].strip().substring(DIRECTIVE.length()).strip();
                    out.add(parse(doc.info().loc(), symbol, out.size() + 1, argument, lines, i + 1, end));
                    i = end - 1;
                }
            }
        }
        return out;
    }

    /** The index just past the block that the directive at {@code start} opens: lines indented deeper. */
    private static int blockEnd(String[] lines, int start) {
        int indent = indent(lines[start]);
        int end = start + 1;
        for (int i = start + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (indent(lines[i]) <= indent) {
                break;
            }
            end = i + 1;
        }
        return end;
    }

    /** The example in lines {@code from} to {@code to}; a directive argument serves as title unless {@code :title:} is given. */
    private static QmpExample parse(String where, String symbol, int index, String argument, String[] lines, int from,
            int to) {
        String title = argument;
        List<Message> messages = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith(":title:")) {
                title = stripped.substring(":title:".length()).strip();
            } else if (stripped.startsWith("->") || stripped.startsWith("<-")) {
                Direction direction = stripped.startsWith("->") ? Direction.CLIENT : Direction.SERVER;
                i = message(direction, lines, i, to, messages);
            }
        }
        return new QmpExample(where, symbol, index, title, messages);
    }

    /** Adds the message starting at line {@code start}; returns the index of its last line. */
    private static int message(Direction direction, String[] lines, int start, int to, List<Message> messages) {
        StringBuilder json = new StringBuilder();
        Balance balance = new Balance();
        String line = lines[start].strip().substring(2);
        for (int i = start;; line = lines[++i]) {
            int closed = balance.feed(line);
            if (closed >= 0) {
                int last = continuationEnd(lines, i, to, indent(lines[start]));
                if (last > i) {
                    // The value closed too early (a misplaced brace): keep the rest, which makes it invalid.
                    json.append(line).append('\n');
                    for (int k = i + 1; k <= last; k++) {
                        json.append(lines[k]).append('\n');
                    }
                    messages.add(new Message(direction, json.toString().strip()));
                    return last;
                }
                json.append(line, 0, closed);
                messages.add(new Message(direction, json.toString().strip()));
                return i;
            }
            json.append(line).append('\n');
            if (i + 1 >= to || isMessageStart(lines[i + 1])) {
                messages.add(new Message(direction, json.toString().strip()));
                return i;
            }
        }
    }

    /**
     * The last of the lines after {@code last} that continue a message whose arrow is at
     * {@code arrowIndent} (non-blank, indented deeper, not a new message), or {@code last} if none do.
     */
    private static int continuationEnd(String[] lines, int last, int to, int arrowIndent) {
        int end = last;
        while (end + 1 < to && !lines[end + 1].isBlank() && !isMessageStart(lines[end + 1])
                && indent(lines[end + 1]) > arrowIndent) {
            end++;
        }
        return end;
    }

    private static boolean isMessageStart(String line) {
        String stripped = line.strip();
        return stripped.startsWith("->") || stripped.startsWith("<-");
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** Tracks JSON bracket depth over successive lines, outside string literals. */
    private static final class Balance {
        private int depth;
        private boolean opened;
        private boolean inString;
        private boolean escaped;

        /** The offset just past the bracket that closes the value on this line, or -1. */
        int feed(String line) {
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                    opened = true;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (opened && depth == 0) {
                        return k + 1;
                    }
                }
            }
            return -1;
        }
    }
}

package dev.qapi.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs give one located message, never a stack trace. */
class InputErrorsTest {
    @TempDir
    Path dir;

    private String error(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        return assertThrows(CompatInputException.class, () -> CompatInput.load(dir, name, null)).getMessage();
    }

    @Test
    void invalidSchemaGivesQemusMessage() throws IOException {
        assertEquals("bad.json: In command 'x':\nbad.json:1: command's 'data' uses unknown type 'Nope'",
                error("bad.json", "{ 'command': 'x', 'data': 'Nope' }\n"));
    }

    @Test
    void brokenJsonIsLocatedByLine() throws IOException {
        String message = error("data.json", "[\n{\"name\": \"x\",\n");
        assertEquals("data.json:3: not valid JSON", message.substring(0, message.indexOf(": not valid JSON") + 16));
    }

    @Test
    void malformedEntryIsLocatedByIndex() throws IOException {
        assertEquals("data.json: entry 1: 'meta-type' must be a string, and is missing",
                error("data.json", "[{\"name\": \"str\", \"meta-type\": \"builtin\", \"json-type\": \"string\"},"
                        + " {\"name\": \"x\"}]"));
    }

    @Test
    void danglingTypeReferenceIsLocated() throws IOException {
        assertEquals("data.json: entry 0: refers to type '7', which has no entry",
                error("data.json", "[{\"name\": \"c\", \"meta-type\": \"command\", \"arg-type\": \"7\", \"ret-type\": \"7\"}]"));
    }

    @Test
    void unknownMetaTypeIsLocated() throws IOException {
        assertEquals("data.json: entry 0: unknown meta-type 'thing'",
                error("data.json", "[{\"name\": \"c\", \"meta-type\": \"thing\"}]"));
    }

    @Test
    void aJsonValueThatIsNoArrayIsRejected() throws IOException {
        assertEquals("data.json: expected query-qmp-schema data, a JSON array of SchemaInfo objects",
                error("data.json", "{\"return\": 3}"));
    }

    @Test
    void missingFileIsNamed() {
        assertEquals("nope.json: cannot read: no such file",
                assertThrows(CompatInputException.class, () -> CompatInput.load(dir, "nope.json", null)).getMessage());
    }

    @Test
    void qmpReplyIsAcceptedWhole() throws IOException {
        Files.writeString(dir.resolve("reply.json"), "{\"return\": [{\"name\": \"stop\", \"meta-type\": \"command\","
                + " \"arg-type\": \"0\", \"ret-type\": \"0\"}, {\"name\": \"0\", \"meta-type\": \"object\", \"members\": []}]}");
        assertEquals(1, CompatInput.load(dir, "reply.json", null).commands().size());
    }
}

package dev.qapi.generator.introspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A tree of introspection data as compact JSON text, the same text as {@code new ObjectMapper().writer()}
 * writes, by jackson-core's generator alone: building an {@code ObjectMapper} takes about 100 ms in a fresh
 * JVM, longer than making the whole introspection data.
 */
final class CompactJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CompactJson() {
    }

    /**
     * The text of {@code node}: objects, arrays, strings, booleans and nulls (what the data is made of).
     *
     * @throws IllegalArgumentException for a number or other node the data never holds
     */
    static String of(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    generator.writeFieldName(property.getKey());
                    write(generator, property.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            default -> throw new IllegalArgumentException("not introspection data: " + node.getNodeType());
        }
    }
}

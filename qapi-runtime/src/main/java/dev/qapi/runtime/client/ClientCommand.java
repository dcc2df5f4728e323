package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.marshal.InputVisitor;
import dev.qapi.runtime.marshal.OutputVisitor;
import dev.qapi.runtime.marshal.Reader;
import dev.qapi.runtime.marshal.Writer;
import java.util.Objects;

/**
 * A command as a generated client knows it: its name, whether it may go out-of-band, and how its
 * arguments and its return value are encoded and decoded. Generated clients declare one constant per
 * command; {@link TypedCaller} makes the calls.
 *
 * @param <A> the arguments: the command's argument record, its boxed type, or {@link Void} for none
 * @param <R> the return value, {@link Void} for none
 * @param name the command's name on the wire
 * @param allowOob whether the schema allows it as {@code exec-oob}
 * @param arguments reads the arguments object ({@link #NO_ARGUMENTS} when the command takes none)
 * @param argumentsWriter writes the arguments object
 * @param returns reads the return value ({@link #NO_RETURN} when the command returns nothing)
 * @param returnsWriter writes the return value back to JSON
 */
public record ClientCommand<A, R>(String name, boolean allowOob, Reader<A> arguments, Writer<A> argumentsWriter,
        Reader<R> returns, Writer<R> returnsWriter) {

    /** What a command without arguments reads: an empty object, or nothing. */
    public static final Reader<Void> NO_ARGUMENTS = ClientCommand::readEmpty;
    /** What a command without a return value reads: {@code {}}. */
    public static final Reader<Void> NO_RETURN = ClientCommand::readEmpty;
    /** The JSON of no arguments or no return value: {@code {}}. */
    public static final Writer<Void> EMPTY = (out, value) -> out.object();

    public ClientCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(argumentsWriter, "argumentsWriter");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(returnsWriter, "returnsWriter");
    }

    private static Void readEmpty(InputVisitor in, String name) {
        in.startStruct(name);
        in.checkStruct();
        in.endStruct();
        return null;
    }

    /** Whether the command takes arguments. */
    public boolean takesArguments() {
        return arguments != NO_ARGUMENTS;
    }

    /**
     * Checks {@code json} against the command's arguments as strictly as QEMU's input visitor does, and
     * gives them typed.
     *
     * @param json the arguments object; null for none
     * @throws dev.qapi.runtime.QmpException QEMU's error with the member path, e.g.
     *     {@code Parameter 'model.name' is missing}
     */
    public A checkArguments(ObjectNode json) {
        return arguments.read(new InputVisitor(json != null ? json : new OutputVisitor().object()), null);
    }

    /** The {@code arguments} object for {@code args}; null when the command takes none. */
    public ObjectNode encodeArguments(A args) {
        if (!takesArguments()) {
            return null;
        }
        Objects.requireNonNull(args, () -> name + ": arguments");
        return (ObjectNode) argumentsWriter.write(new OutputVisitor(), args);
    }

    /** The JSON of {@code value}, a return value of this command. */
    public JsonNode encodeReturn(R value) {
        return returnsWriter.write(new OutputVisitor(), value);
    }
}

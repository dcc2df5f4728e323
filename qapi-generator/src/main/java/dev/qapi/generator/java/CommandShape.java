package dev.qapi.generator.java;

import com.palantir.javapoet.ClassName;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Member;
import java.util.List;
import java.util.Map;

/**
 * How a command's arguments look in Java, the same for the client and the server: none; flat
 * parameters when every argument is mandatory; otherwise one record (the command's argument record
 * such as {@code BlockCommitArguments} with a builder, its named type, or its boxed type), so that
 * nobody writes {@code Optional.empty()} for each argument left out.
 *
 * @param arguments the record the arguments are read into and written from; null when there are none
 * @param members the arguments (the record's components), in this build
 * @param names their Java names
 */
record CommandShape(Command command, Kind kind, ClassName arguments, List<Member> members, Map<String, String> names) {

    /** The three shapes. */
    enum Kind {
        /** No arguments. */
        NONE,
        /** Each argument a parameter (all are mandatory). */
        FLAT,
        /** One parameter, the argument record or boxed type. */
        RECORD,
    }

    static CommandShape of(Context ctx, Command c) {
        if (c.argTypeName() == null) {
            return new CommandShape(c, Kind.NONE, null, List.of(), Map.of());
        }
        ClassName arguments = ctx.types().className(c.argTypeName());
        if (c.boxed()) {
            return new CommandShape(c, Kind.RECORD, arguments, List.of(), Map.of());
        }
        List<Member> members = ctx.codec().included(ctx.types().schema().objectType(c.argTypeName()).members());
        boolean optional = false;
        for (Member m : members) {
            optional |= m.optional();
        }
        return new CommandShape(c, optional ? Kind.RECORD : Kind.FLAT, arguments, members, MemberCodec.javaNames(members));
    }
}

package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiParser;
import dev.qapi.parser.grammar.QapiParserBaseVisitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The value of a parsed {@code value}, as QEMU's parser returns it: an object is a {@link Map} in the
 * order of its keys, an array a {@link List}, a string a {@link String}, {@code true}/{@code false} a
 * {@link Boolean}. Duplicate keys were rejected during the parse.
 */
final class ValueBuilder extends QapiParserBaseVisitor<Object> {

    static final ValueBuilder INSTANCE = new ValueBuilder();

    private ValueBuilder() {
    }

    @Override
    public Object visitObjectValue(QapiParser.ObjectValueContext ctx) {
        Map<String, Object> members = new LinkedHashMap<>();
        QapiParser.ObjectContext object = ctx.object();
        for (int i = 0; i < object.getChildCount(); i++) {
            ParseTree child = object.getChild(i);
            if (child instanceof QapiParser.MemberContext member) {
                members.put(FileText.stringValue(member.STRING().getSymbol()), visit(member.value()));
            }
        }
        return members;
    }

    @Override
    public Object visitArrayValue(QapiParser.ArrayValueContext ctx) {
        QapiParser.ArrayContext array = ctx.array();
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < array.getChildCount(); i++) {
            ParseTree child = array.getChild(i);
            if (child instanceof QapiParser.ValueContext value) {
                elements.add(visit(value));
            }
        }
        return elements;
    }

    @Override
    public Object visitStringValue(QapiParser.StringValueContext ctx) {
        return FileText.stringValue(ctx.STRING().getSymbol());
    }

    @Override
    public Object visitBoolValue(QapiParser.BoolValueContext ctx) {
        return ctx.TRUE() != null;
    }
}

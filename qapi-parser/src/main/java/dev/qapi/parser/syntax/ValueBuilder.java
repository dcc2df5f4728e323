package dev.qapi.parser.syntax;

import dev.qapi.parser.grammar.QapiParser;
import dev.qapi.parser.grammar.QapiParserBaseVisitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The value of a parsed {@code value}, as QEMU's parser returns it: an object is a {@link Map} in the
 * order of its keys, an array a {@link List}, a string a {@link String}, {@code true}/{@code false} a
 * {@link Boolean}. Duplicate keys were rejected during the parse.
 *
 * <p>It reads the children by position, as the grammar lays them out, rather than through the
 * generated accessors, which search the children by type on every call.
 */
final class ValueBuilder extends QapiParserBaseVisitor<Object> {

    static final ValueBuilder INSTANCE = new ValueBuilder();

    private ValueBuilder() {
    }

    @Override
    public Object visitObjectValue(QapiParser.ObjectValueContext ctx) {
        Map<String, Object> members = new LinkedHashMap<>();
        // '{' member (',' member)* '}'; a member is STRING ':' value.
        List<ParseTree> children = ((ParserRuleContext) ctx.children.get(0)).children;
        for (int i = 1; i < children.size() - 1; i += 2) {
            ParserRuleContext member = (ParserRuleContext) children.get(i);
            members.put(FileText.stringValue(member.start), visit(member.children.get(2)));
        }
        return members;
    }

    @Override
    public Object visitArrayValue(QapiParser.ArrayValueContext ctx) {
        // '[' value (',' value)* ']'
        List<ParseTree> children = ((ParserRuleContext) ctx.children.get(0)).children;
        List<Object> elements = new ArrayList<>(children.size() / 2);
        for (int i = 1; i < children.size() - 1; i += 2) {
            elements.add(visit(children.get(i)));
        }
        return elements;
    }

    @Override
    public Object visitStringValue(QapiParser.StringValueContext ctx) {
        return FileText.stringValue(ctx.start);
    }

    @Override
    public Object visitBoolValue(QapiParser.BoolValueContext ctx) {
        return ctx.start.getType() == QapiParser.TRUE;
    }
}

/*
 * The concrete syntax of QAPI schema files (QEMU 10.0's parser.py), over the tokens of QapiLexer.
 *
 * Every decision is LL(1), as QEMU's recursive descent is: the generated parser switches on the next
 * token and never calls ANTLR's adaptive prediction. Where a token does not fit, the rule and what
 * it has matched so far name QEMU's message ("expected ',' or '}'", ...): see SyntaxErrors.
 *
 * The rules build the values as they match them, as QEMU's parser does: an object is a Map in the
 * order of its keys, an array a List, a string a String, true/false a Boolean. No parse tree is
 * built. What is not syntax is left to the Actions the parser is given, called where QEMU's parser
 * acts: an expression at the top level must be an object; one with an 'include' or 'pragma' key is
 * a directive (the key may stand anywhere in it, and the message depends on the whole object); a
 * definition binds the documentation block right before it; a duplicate key is an error.
 */
parser grammar QapiParser;

options { tokenVocab = QapiLexer; }

@header {
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
}

@members {
/**
 * What the parser calls besides building values, at the points where QEMU's parser acts. An action
 * may throw (a QapiError): the parse stops there.
 */
public interface Actions {
    /** A documentation block starts. */
    void docBlockStart();

    /**
     * The parser leaves a documentation block, however it leaves it: {@code block.close} is
     * {@code null} when a token that is no comment cut it short (the parser is reporting that token).
     */
    void docBlock(DocBlockContext block);

    /** A top-level expression was parsed; {@code start} is its first token. */
    void expression(Token start, Object value);

    /** The value of a member's key, checked before the member's value is parsed. */
    String key(Map<String, Object> members, Token key);

    /** The value of a STRING token. */
    String string(Token string);
}

private Actions actions;

/** A parser of {@code input} that builds values and calls {@code actions}; it builds no parse tree. */
public QapiParser(TokenStream input, Actions actions) {
    this(input);
    this.actions = actions;
    setBuildParseTree(false);
}
}

// A file: documentation blocks and top-level expressions (definitions and directives), in any order.
schema : ( docBlock | expression )* EOF ;

// '##', comment lines, '##'. The lines' layout (sections, indentation) is read by DocReader, when the
// parser leaves the block: QEMU reads the lines of a block that a token cuts short before it reports
// that token.
docBlock
@init { actions.docBlockStart(); }
    : open=DOC_START lines+=DOC_LINE* close=DOC_END
    ;
    finally { actions.docBlock($ctx); }

// A top-level expression.
expression : value { actions.expression($start, $value.v); } ;

value returns [Object v]
    : object         { $v = $object.members; }
    | array          { $v = $array.elements; }
    | string=STRING  { $v = actions.string($string); }
    | TRUE           { $v = Boolean.TRUE; }
    | FALSE          { $v = Boolean.FALSE; }
    ;

object returns [Map<String, Object> members = new LinkedHashMap<>()]
    : LBRACE ( member[$members] ( COMMA member[$members] )* )? RBRACE
    ;

member [Map<String, Object> members] locals [String name]
    : key=STRING COLON { $name = actions.key($members, $key); } value { $members.put($name, $value.v); }
    ;

array returns [List<Object> elements = new ArrayList<>()]
    : LBRACKET ( first=value { $elements.add($first.v); } ( COMMA next=value { $elements.add($next.v); } )* )? RBRACKET
    ;

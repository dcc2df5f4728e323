/*
 * The concrete syntax of QAPI schema files (QEMU 10.0's parser.py), over the tokens of QapiLexer.
 *
 * Every decision is LL(1), as QEMU's recursive descent is: the generated parser switches on the next
 * token and never calls ANTLR's adaptive prediction. Where a token does not fit, the rule and what
 * it has matched so far name QEMU's message ("expected ',' or '}'", ...): see SyntaxErrors.
 *
 * What is not syntax stays in the Java that walks the tree, as QEMU decides it after reading: an
 * expression at the top level must be an object; one with an 'include' or 'pragma' key is a
 * directive (the key may stand anywhere in it, and the message depends on the whole object); a
 * definition binds the documentation block right before it; a duplicate key is an error.
 */
parser grammar QapiParser;

options { tokenVocab = QapiLexer; }

// A file: documentation blocks and top-level expressions (definitions and directives), in any order.
schema : ( docBlock | expression )* EOF ;

// '##', comment lines, '##'. The lines' layout (sections, indentation) is read by DocReader.
docBlock : DOC_START DOC_LINE* DOC_END ;

// A top-level expression.
expression : value ;

value
    : object          # objectValue
    | array           # arrayValue
    | STRING          # stringValue
    | (TRUE | FALSE)  # boolValue
    ;

object : LBRACE ( member ( COMMA member )* )? RBRACE ;

member : STRING COLON value ;

array : LBRACKET ( value ( COMMA value )* )? RBRACKET ;

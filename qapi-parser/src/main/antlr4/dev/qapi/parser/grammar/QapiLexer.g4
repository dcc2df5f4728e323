/*
 * The lexical syntax of QAPI schema files (QEMU 10.0), one token per rule.
 *
 * The input is the file's text after QEMU's newline normalization (CR LF and lone CR become LF, and
 * a final LF is appended when missing). Errors are not raised here: malformed input becomes a
 * STRAY or BAD_STRING token, which the parser turns into QEMU's message at the token's position,
 * at the moment it reaches it, as QEMU's lexer does.
 */
lexer grammar QapiLexer;

// '#' to end of line. A comment starting with '##' opens or closes a documentation block; inside a
// block every comment line is a token. Outside one, plain comments are skipped by the parser.
COMMENT : '#' ~'\n'* ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COLON    : ':' ;
COMMA    : ',' ;

// QEMU matches these by prefix: 'trueX' is TRUE followed by a stray 'X'.
TRUE  : 'true' ;
FALSE : 'false' ;

// Single-quoted, printable ASCII only, '\\' is the only escape.
STRING : '\'' STRING_CHAR* '\'' ;

// A string that stops before its closing quote: at a newline, a non-printable character or a bad
// escape. The character that follows it tells which error it is.
BAD_STRING : '\'' STRING_CHAR* ;

NEWLINE : '\n' -> skip ;

// Python's str.isspace() set, without LF (which counts lines).
WS : [\t\u000B\u000C\r\u001C-\u001F \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip ;

// Anything else is a lexical error.
STRAY : . ;

fragment STRING_CHAR : [\u0020-\u0026\u0028-\u005B\u005D-\u007E] | '\\\\' ;

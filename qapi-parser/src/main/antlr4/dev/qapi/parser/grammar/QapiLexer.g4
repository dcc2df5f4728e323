/*
 * The lexical syntax of QAPI schema files (QEMU 10.0), one token per rule.
 *
 * The input is the file's text after QEMU's newline normalization (CR LF and lone CR become LF, and
 * a final LF is appended when missing). Errors are not raised here: malformed input becomes a
 * STRAY or BAD_STRING token, which no parser rule accepts, so the parser reports it (with QEMU's
 * lexical message, at the token's position) when it reaches it, as QEMU's lexer does.
 *
 * Comments: a plain '#' comment is skipped, except inside a documentation block, which a comment
 * starting with '##' opens (mode DOC) and the next one closes; there every comment is a line.
 */
lexer grammar QapiLexer;

// Before COMMENT: for a comment starting with '##' both match the same text, and the first rule wins.
DOC_START : '##' ~'\n'* -> pushMode(DOC) ;
COMMENT   : '#' ~'\n'* -> skip ;

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
STRING : QUOTED ;

// A string that stops before its closing quote: at a newline, a non-printable character or a bad
// escape. The character that follows it tells which error it is.
BAD_STRING : UNCLOSED ;

NEWLINE : '\n' -> skip ;
WS      : SPACE+ -> skip ;

// Anything else is a lexical error.
STRAY : . ;

mode DOC;

DOC_END  : '##' ~'\n'* -> popMode ;
DOC_LINE : '#' ~'\n'* ;

DOC_NEWLINE : '\n' -> skip ;
DOC_WS      : SPACE+ -> skip ;

// A token that is no comment ends the block too early: the parser reports it. Tokens of the default
// mode are matched here only to tell a lexical error (which QEMU reports first) from a good token.
NOT_COMMENT    : [{}[\]:,] | 'true' | 'false' | QUOTED ;
DOC_BAD_STRING : UNCLOSED -> type(BAD_STRING) ;
DOC_STRAY      : . -> type(STRAY) ;

fragment QUOTED      : '\'' STRING_CHAR* '\'' ;
fragment UNCLOSED    : '\'' STRING_CHAR* ;
fragment STRING_CHAR : [\u0020-\u0026\u0028-\u005B\u005D-\u007E] | '\\\\' ;
// Python's str.isspace() set, without LF (which counts lines).
fragment SPACE : [\t\u000B\u000C\r\u001C-\u001F \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;

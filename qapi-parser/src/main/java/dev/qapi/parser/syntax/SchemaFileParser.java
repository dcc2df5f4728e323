package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.expr.Expression;
import dev.qapi.parser.expr.ParsedSchema;
import dev.qapi.parser.expr.Pragma;
import dev.qapi.parser.grammar.QapiParser;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Reads a schema file and, depth first, the files it includes, into expressions and documentation
 * blocks (QEMU's {@code parser.py}). The ANTLR grammar ({@code QapiLexer.g4}, {@code QapiParser.g4})
 * parses each file and builds the values of its expressions; the actions it calls apply the
 * {@code include} and {@code pragma} directives and bind documentation blocks to the definitions
 * that follow them.
 */
public final class SchemaFileParser {

    private final List<Expression> expressions = new ArrayList<>();
    private final List<Doc> docs = new ArrayList<>();
    private final Set<Path> included = new HashSet<>();
    private final Path baseDir;
    private Pragma pragma = Pragma.DEFAULT;

    private SchemaFileParser(Path baseDir) {
        this.baseDir = baseDir;
    }

    /**
     * Parses {@code rootFile} (its name is printed in messages as given) and everything it includes.
     *
     * @throws QapiError for the first syntax, include, pragma or documentation-layout error, or when
     *     the file cannot be read
     */
    public static ParsedSchema parse(String rootFile) {
        return parse(Path.of(""), rootFile);
    }

    /**
     * Parses {@code rootFile}, a path relative to {@code baseDir} (or absolute); messages print file
     * names relative to {@code baseDir}, as QEMU does for its working directory.
     */
    public static ParsedSchema parse(Path baseDir, String rootFile) {
        SchemaFileParser parser = new SchemaFileParser(baseDir);
        byte[] bytes;
        try {
            if (rootFile.isEmpty()) {
                throw new NoSuchFileException(rootFile);
            }
            bytes = Files.readAllBytes(parser.resolve(rootFile));
        } catch (IOException | RuntimeException e) {
            throw QapiError.unlocated("can't read schema file '" + rootFile + "': " + strerror(e));
        }
        parser.parseFile(rootFile, bytes, null);
        return new ParsedSchema(rootFile, parser.expressions, parser.docs, parser.pragma);
    }

    private void parseFile(String fname, byte[] bytes, SourceInfo includedFrom) {
        included.add(absolute(fname));
        SourceInfo start = SourceInfo.startOf(fname, includedFrom);
        FileText text = FileText.decode(bytes, start);
        StreamedTokens tokens = new StreamedTokens(text.tokens());
        FileActions actions = new FileActions(fname, text, tokens);
        QapiParser parser = new QapiParser(tokens, actions);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(text));
        parser.setErrorHandler(new QemuErrorStrategy());
        parser.schema();
        actions.rejectExprDoc();
    }

    /**
     * Acts on the parse of one file as it goes, where QEMU's parser acts: a documentation block when
     * the parser leaves it, a top-level expression once parsed, a duplicate key before the member's
     * value. It shares the schema-wide results with the whole parse.
     *
     * <p>QEMU reports a token's lexical error as soon as it reads the token, which is right after the
     * token before it; the parser reports it only when it matches the token. So before each of its
     * own checks, this reports the next token's lexical error if it has one ({@link #reach}).
     */
    private final class FileActions implements QapiParser.Actions {
        private final String fname;
        private final FileText text;
        private final TokenStream tokens;
        private Doc curDoc;

        FileActions(String fname, FileText text, TokenStream tokens) {
            this.fname = fname;
            this.text = text;
            this.tokens = tokens;
        }

        @Override
        public void docBlockStart() {
            rejectExprDoc();
        }

        /**
         * Reads a documentation block. One cut short by a syntax error (no closing comment) is read
         * too, as far as it goes: QEMU reads its lines before the token that cut it short, so an
         * error in them is reported instead of the parser's.
         */
        @Override
        public void docBlock(QapiParser.DocBlockContext block) {
            DocBuilder builder;
            try {
                builder = new DocReader(new DocLines(block, text)).read();
            } catch (DocLines.CutShort e) {
                // The parser is reporting the token that cut the block short.
                return;
            }
            reach();
            curDoc = builder.end();
            docs.add(curDoc);
        }

        @Override
        public String key(Map<String, Object> members, Token key) {
            String name = text.stringValue(key);
            if (members.containsKey(name)) {
                // QEMU has read the value's first token by now: its lexical error comes first.
                reach();
                throw text.error(tokens.LT(1), "duplicate key '" + name + "'");
            }
            return name;
        }

        @Override
        public String string(Token string) {
            return text.stringValue(string);
        }

        /** Throws the lexical error of the next token, if it has one: QEMU has read it by now. */
        private void reach() {
            Token next = tokens.LT(1);
            if (FileText.isLexicalError(next)) {
                throw text.lexicalError(next);
            }
        }

        @Override
        public void expression(Token first, Object value) {
            reach();
            SourceInfo info = text.lineInfo(first);
            if (!(value instanceof Map<?, ?>)) {
                throw QapiError.semantic(info, "top-level expression must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> expr = (Map<String, Object>) value;
            if (expr.containsKey("include")) {
                rejectExprDoc();
                include(expr, info);
            } else if (expr.containsKey("pragma")) {
                rejectExprDoc();
                if (expr.size() != 1) {
                    throw QapiError.semantic(info, "invalid 'pragma' directive");
                }
                if (!(expr.get("pragma") instanceof Map<?, ?> settings)) {
                    throw QapiError.semantic(info, "value of 'pragma' must be an object");
                }
                for (Map.Entry<?, ?> e : settings.entrySet()) {
                    pragma = PragmaDirective.apply(pragma, (String) e.getKey(), e.getValue(), info);
                }
            } else {
                if (curDoc != null && !curDoc.isDefinitionDoc()) {
                    throw QapiError.semantic(curDoc.info(), "definition documentation required");
                }
                expressions.add(new Expression(expr, info, curDoc));
            }
            curDoc = null;
        }

        private void include(Map<String, Object> expr, SourceInfo info) {
            if (expr.size() != 1) {
                throw QapiError.semantic(info, "invalid 'include' directive");
            }
            if (!(expr.get("include") instanceof String include)) {
                throw QapiError.semantic(info, "value of 'include' must be a string");
            }
            String inclFname = PythonPath.join(PythonPath.dirname(fname), include);
            Map<String, Object> directive = new LinkedHashMap<>();
            directive.put("include", inclFname);
            expressions.add(new Expression(directive, info, null));

            Path abs = absolute(inclFname);
            for (SourceInfo inf = info; inf != null; inf = inf.parent()) {
                if (abs.equals(absolute(inf.fname()))) {
                    throw QapiError.semantic(info, "inclusion loop for " + include);
                }
            }
            if (included.contains(abs)) {
                return;
            }
            byte[] bytes;
            try {
                if (inclFname.isEmpty()) {
                    // Python's open('') fails where Path.of("") would name the working directory.
                    throw new NoSuchFileException(inclFname);
                }
                bytes = Files.readAllBytes(resolve(inclFname));
            } catch (IOException | RuntimeException e) {
                throw QapiError.semantic(info,
                        "can't read include file '" + inclFname + "': " + strerror(e));
            }
            parseFile(inclFname, bytes, info);
        }

        /** QEMU's {@code reject_expr_doc}: a definition's documentation must be followed by it. */
        void rejectExprDoc() {
            if (curDoc != null && curDoc.isDefinitionDoc()) {
                throw QapiError.semantic(curDoc.info(),
                        "documentation for '" + curDoc.symbol() + "' is not followed by the definition");
            }
        }
    }

    private Path resolve(String fname) {
        return baseDir.resolve(fname);
    }

    private Path absolute(String fname) {
        return resolve(fname).toAbsolutePath().normalize();
    }

    /** The C library's wording for a failed open, as Python's {@code OSError.strerror} gives it. */
    private static String strerror(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof IOException && "Is a directory".equals(e.getMessage())) {
            return "Is a directory";
        }
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }
}

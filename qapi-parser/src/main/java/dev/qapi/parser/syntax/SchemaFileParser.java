package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.expr.Expression;
import dev.qapi.parser.expr.ParsedSchema;
import dev.qapi.parser.expr.Pragma;
import dev.qapi.parser.syntax.Tokenizer.Kind;
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

/**
 * Reads a schema file and, depth first, the files it includes, into expressions and documentation
 * blocks (QEMU's {@code parser.py}): the JSON-like syntax, {@code include} and {@code pragma}
 * directives, and the binding of documentation blocks to the definitions that follow them.
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
        new FileParser(fname, new Tokenizer(SchemaText.decode(bytes, start), start)).parse();
    }

    /** The parse of one file; shares the schema-wide results with its parent. */
    private final class FileParser {
        private final String fname;
        private final Tokenizer tok;

        FileParser(String fname, Tokenizer tok) {
            this.fname = fname;
            this.tok = tok;
        }

        void parse() {
            DocReader.Result curDoc = null;
            tok.accept(true);
            while (tok.kind() != Kind.EOF) {
                SourceInfo info = tok.info();
                if (tok.kind() == Kind.COMMENT) {
                    rejectExprDoc(curDoc);
                    curDoc = new DocReader(tok).read();
                    docs.add(curDoc.doc());
                    continue;
                }
                Object value = getExpr();
                if (!(value instanceof Map<?, ?>)) {
                    throw QapiError.semantic(info, "top-level expression must be an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> expr = (Map<String, Object>) value;
                if (expr.containsKey("include")) {
                    rejectExprDoc(curDoc);
                    include(expr, info);
                } else if (expr.containsKey("pragma")) {
                    rejectExprDoc(curDoc);
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
                    if (curDoc != null && !curDoc.doc().isDefinitionDoc()) {
                        throw QapiError.semantic(curDoc.doc().info(), "definition documentation required");
                    }
                    expressions.add(new Expression(expr, info, curDoc == null ? null : curDoc.doc()));
                }
                curDoc = null;
            }
            rejectExprDoc(curDoc);
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

        private void rejectExprDoc(DocReader.Result doc) {
            if (doc != null && doc.doc().isDefinitionDoc()) {
                throw QapiError.semantic(doc.doc().info(),
                        "documentation for '" + doc.doc().symbol() + "' is not followed by the definition");
            }
        }

        private Object getExpr() {
            switch (tok.kind()) {
                case LBRACE -> {
                    tok.accept(true);
                    return getMembers();
                }
                case LBRACKET -> {
                    tok.accept(true);
                    return getValues();
                }
                case STRING -> {
                    String s = tok.stringValue();
                    tok.accept(true);
                    return s;
                }
                case BOOL -> {
                    Boolean b = tok.boolValue();
                    tok.accept(true);
                    return b;
                }
                default -> throw tok.error("expected '{', '[', string, or boolean");
            }
        }

        private Map<String, Object> getMembers() {
            Map<String, Object> expr = new LinkedHashMap<>();
            if (tok.kind() == Kind.RBRACE) {
                tok.accept(true);
                return expr;
            }
            if (tok.kind() != Kind.STRING) {
                throw tok.error("expected string or '}'");
            }
            while (true) {
                String key = tok.stringValue();
                tok.accept(true);
                if (tok.kind() != Kind.COLON) {
                    throw tok.error("expected ':'");
                }
                tok.accept(true);
                if (expr.containsKey(key)) {
                    throw tok.error("duplicate key '" + key + "'");
                }
                expr.put(key, getExpr());
                if (tok.kind() == Kind.RBRACE) {
                    tok.accept(true);
                    return expr;
                }
                if (tok.kind() != Kind.COMMA) {
                    throw tok.error("expected ',' or '}'");
                }
                tok.accept(true);
                if (tok.kind() != Kind.STRING) {
                    throw tok.error("expected string");
                }
            }
        }

        private List<Object> getValues() {
            List<Object> expr = new ArrayList<>();
            if (tok.kind() == Kind.RBRACKET) {
                tok.accept(true);
                return expr;
            }
            switch (tok.kind()) {
                case LBRACE, LBRACKET, STRING, BOOL -> { }
                default -> throw tok.error("expected '{', '[', ']', string, or boolean");
            }
            while (true) {
                expr.add(getExpr());
                if (tok.kind() == Kind.RBRACKET) {
                    tok.accept(true);
                    return expr;
                }
                if (tok.kind() != Kind.COMMA) {
                    throw tok.error("expected ',' or ']'");
                }
                tok.accept(true);
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

package dev.qapi.parser.syntax;

import dev.qapi.parser.QapiError;
import dev.qapi.parser.SourceInfo;
import dev.qapi.parser.doc.Doc;
import dev.qapi.parser.doc.Doc.Kind;

/**
 * Reads one documentation block, from its opening {@code ##} to its closing {@code ##}, line by
 * line, into sections (QEMU's {@code get_doc} and its helpers), with QEMU's layout rules: where a
 * description may start, indentation of continuation lines, tagged sections.
 */
final class DocReader {
    /** The section tags QEMU recognizes, longer spellings first as its regex tries them. */
    private static final String[] TAGS = {"Returns", "Errors", "Since", "Notes", "Note", "Examples", "Example", "TODO"};

    private final Tokenizer tok;

    DocReader(Tokenizer tok) {
        this.tok = tok;
    }

    /** A block read; a record so that the parser's bookkeeping stays symmetric with QEMU's. */
    record Result(Doc doc) {
    }

    /** Reads the block whose opening comment is the current token, and the token after it. */
    Result read() {
        if (!"##".equals(tok.stringValue())) {
            throw tok.error("junk after '##' at start of documentation comment");
        }
        SourceInfo info = tok.info();
        tok.accept(false);
        String line = docLine();
        DocBuilder doc;
        if (line != null && line.startsWith("@")) {
            if (!line.endsWith(":")) {
                throw tok.error("line should end with ':'");
            }
            String symbol = line.substring(1, line.length() - 1);
            if (symbol.isEmpty()) {
                throw tok.error("name required after '@'");
            }
            doc = new DocBuilder(info, symbol);
            tok.accept(false);
            line = docLine();
            readDefinitionDoc(doc, line);
        } else {
            doc = new DocBuilder(info, null);
            doc.ensureUntaggedSection(tok.info());
            boolean first = true;
            while (line != null) {
                int colon = nameColon(line);
                if (colon >= 0) {
                    throw tok.error("'@" + line.substring(1, colon) + ":' not allowed in free-form documentation");
                }
                if (line.startsWith("=") && !first) {
                    throw tok.error("'=' heading must come first in a comment block");
                }
                doc.appendLine(line);
                tok.accept(false);
                line = docLine();
                first = false;
            }
        }
        tok.accept(true);
        return new Result(doc.end());
    }

    private void readDefinitionDoc(DocBuilder doc, String firstLine) {
        String line = firstLine;
        boolean noMoreArgs = false;
        while (line != null) {
            while ("".equals(line)) {
                tok.accept(false);
                line = docLine();
            }
            if (line == null) {
                break;
            }
            int colon;
            String tag;
            if (line.equals("Features:")) {
                if (doc.hasFeatures()) {
                    throw tok.error("duplicated 'Features:' line");
                }
                tok.accept(false);
                line = docLine();
                while ("".equals(line)) {
                    tok.accept(false);
                    line = docLine();
                }
                while (line != null && (colon = nameColon(line)) >= 0) {
                    doc.newDescription(tok.info(), line.substring(1, colon), Kind.FEATURE);
                    appendRest(doc, line, colon + 1);
                    line = docIndented(doc);
                }
                if (!doc.hasFeatures()) {
                    throw tok.error("feature descriptions expected");
                }
                noMoreArgs = true;
            } else if ((colon = nameColon(line)) >= 0) {
                if (noMoreArgs) {
                    throw tok.error("description of '@" + line.substring(1, colon) + ":' follows a section");
                }
                while (line != null && (colon = nameColon(line)) >= 0) {
                    doc.newDescription(tok.info(), line.substring(1, colon), Kind.MEMBER);
                    appendRest(doc, line, colon + 1);
                    line = docIndented(doc);
                }
                noMoreArgs = true;
            } else if ((tag = tag(line)) != null) {
                if (tag.contains("Note")) {
                    throw tok.error("The '" + tag + "' section is no longer supported. Please use rST's "
                            + "'.. note::' or '.. admonition:: notes' directives, or another suitable "
                            + "admonition instead.");
                }
                if (tag.contains("Example")) {
                    throw tok.error("The '" + tag + "' section is no longer supported. Please use the "
                            + "'.. qmp-example::' directive, or other suitable markup instead.");
                }
                doc.newTaggedSection(tok.info(), Kind.ofTag(tag));
                appendRest(doc, line, tag.length() + 1);
                line = docIndented(doc);
                noMoreArgs = true;
            } else if (line.startsWith("=")) {
                throw tok.error("unexpected '=' markup in definition documentation");
            } else {
                doc.ensureUntaggedSection(tok.info());
                doc.appendLine(line);
                line = docParagraph(doc);
            }
        }
    }

    /**
     * Where the colon is in a line {@code @NAME: TEXT} ({@code @([^:]*): *} at its start, as QEMU
     * matches it), or -1 for any other line.
     */
    static int nameColon(String line) {
        return line.startsWith("@") ? line.indexOf(':', 1) : -1;
    }

    /**
     * The tag of a line {@code TAG: TEXT}, or {@code null} for any other line. QEMU's
     * {@code (Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *} at its start: the colon after the
     * tag must not be doubled.
     */
    static String tag(String line) {
        for (String tag : TAGS) {
            int n = tag.length();
            if (line.startsWith(tag) && line.startsWith(":", n) && !line.startsWith("::", n)) {
                return tag;
            }
        }
        return null;
    }

    /** Appends the text of {@code line} after the colon ending at {@code afterColon} and the spaces after it, if any. */
    private static void appendRest(DocBuilder doc, String line, int afterColon) {
        int end = afterColon;
        while (end < line.length() && line.charAt(end) == ' ') {
            end++;
        }
        String text = line.substring(end);
        if (!text.isEmpty()) {
            doc.appendLine(text);
        }
    }

    /**
     * The current comment line's text: {@code ""} for a blank {@code #} line, {@code null} for the
     * closing {@code ##}.
     */
    private String docLine() {
        if (tok.kind() != Tokenizer.Kind.COMMENT) {
            throw tok.error("documentation comment must end with '##'");
        }
        String val = tok.stringValue();
        if (val.startsWith("##")) {
            if (!val.equals("##")) {
                throw tok.error("junk after '##' at end of documentation comment");
            }
            return null;
        }
        if (val.equals("#")) {
            return "";
        }
        if (val.charAt(1) != ' ') {
            throw tok.error("missing space after #");
        }
        return rstrip(val.substring(2));
    }

    /** Continuation lines of a description or tagged section; returns the first line not part of it. */
    private String docIndented(DocBuilder doc) {
        tok.accept(false);
        String line = docLine();
        while ("".equals(line)) {
            doc.appendLine(line);
            tok.accept(false);
            line = docLine();
        }
        if (line == null) {
            return null;
        }
        int indent = indentOf(line);
        if (indent == 0) {
            return line;
        }
        doc.appendLine(line);
        boolean prevLineBlank = false;
        while (true) {
            tok.accept(false);
            line = docLine();
            if (line == null || nameColon(line) >= 0) {
                return line;
            }
            int curIndent = indentOf(line);
            if (!line.isEmpty() && curIndent < indent) {
                if (prevLineBlank) {
                    return line;
                }
                throw tok.error("unexpected de-indent (expected at least " + indent + " spaces)");
            }
            doc.appendLine(line);
            // QEMU sets this after every appended line, blank or not; keep its behaviour.
            prevLineBlank = true;
        }
    }

    private String docParagraph(DocBuilder doc) {
        while (true) {
            tok.accept(false);
            String line = docLine();
            if (line == null || line.isEmpty()) {
                return line;
            }
            doc.appendLine(line);
        }
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && SchemaText.isPythonSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!SchemaText.isPythonSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}

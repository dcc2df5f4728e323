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

    private final DocLines lines;

    DocReader(DocLines lines) {
        this.lines = lines;
    }

    /**
     * Reads the block from its opening comment to its closing one; {@link DocBuilder#end()} is left to
     * the caller, which QEMU calls after reading the token that follows the block.
     *
     * @throws DocLines.CutShort when the block's tokens end before its closing comment: the parser
     *     is reporting the token that cut it short, and the lines before it held no layout error
     */
    DocBuilder read() {
        if (!"##".equals(lines.text())) {
            throw lines.error("junk after '##' at start of documentation comment");
        }
        SourceInfo info = lines.info();
        lines.advance();
        String line = docLine();
        DocBuilder doc;
        if (line != null && line.startsWith("@")) {
            if (!line.endsWith(":")) {
                throw lines.error("line should end with ':'");
            }
            String symbol = line.substring(1, line.length() - 1);
            if (symbol.isEmpty()) {
                throw lines.error("name required after '@'");
            }
            doc = new DocBuilder(info, symbol);
            lines.advance();
            line = docLine();
            readDefinitionDoc(doc, line);
        } else {
            doc = new DocBuilder(info, null);
            doc.ensureUntaggedSection(lines.info());
            boolean first = true;
            while (line != null) {
                int colon = nameColon(line);
                if (colon >= 0) {
                    throw lines.error("'@" + line.substring(1, colon) + ":' not allowed in free-form documentation");
                }
                if (line.startsWith("=") && !first) {
                    throw lines.error("'=' heading must come first in a comment block");
                }
                doc.appendLine(line);
                lines.advance();
                line = docLine();
                first = false;
            }
        }
        return doc;
    }

    private void readDefinitionDoc(DocBuilder doc, String firstLine) {
        String line = firstLine;
        boolean noMoreArgs = false;
        while (line != null) {
            while ("".equals(line)) {
                lines.advance();
                line = docLine();
            }
            if (line == null) {
                break;
            }
            int colon;
            String tag;
            if (line.equals("Features:")) {
                if (doc.hasFeatures()) {
                    throw lines.error("duplicated 'Features:' line");
                }
                lines.advance();
                line = docLine();
                while ("".equals(line)) {
                    lines.advance();
                    line = docLine();
                }
                while (line != null && (colon = nameColon(line)) >= 0) {
                    doc.newDescription(lines.info(), line.substring(1, colon), Kind.FEATURE);
                    appendRest(doc, line, colon + 1);
                    line = docIndented(doc);
                }
                if (!doc.hasFeatures()) {
                    throw lines.error("feature descriptions expected");
                }
                noMoreArgs = true;
            } else if ((colon = nameColon(line)) >= 0) {
                if (noMoreArgs) {
                    throw lines.error("description of '@" + line.substring(1, colon) + ":' follows a section");
                }
                while (line != null && (colon = nameColon(line)) >= 0) {
                    doc.newDescription(lines.info(), line.substring(1, colon), Kind.MEMBER);
                    appendRest(doc, line, colon + 1);
                    line = docIndented(doc);
                }
                noMoreArgs = true;
            } else if ((tag = tag(line)) != null) {
                if (tag.contains("Note")) {
                    throw lines.error("The '" + tag + "' section is no longer supported. Please use rST's "
                            + "'.. note::' or '.. admonition:: notes' directives, or another suitable "
                            + "admonition instead.");
                }
                if (tag.contains("Example")) {
                    throw lines.error("The '" + tag + "' section is no longer supported. Please use the "
                            + "'.. qmp-example::' directive, or other suitable markup instead.");
                }
                doc.newTaggedSection(lines.info(), Kind.ofTag(tag));
                appendRest(doc, line, tag.length() + 1);
                line = docIndented(doc);
                noMoreArgs = true;
            } else if (line.startsWith("=")) {
                throw lines.error("unexpected '=' markup in definition documentation");
            } else {
                doc.ensureUntaggedSection(lines.info());
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
     * closing {@code ##}. (That it is a comment at all, the grammar saw to.)
     */
    private String docLine() {
        String val = lines.text();
        if (val.startsWith("##")) {
            if (!val.equals("##")) {
                throw lines.error("junk after '##' at end of documentation comment");
            }
            return null;
        }
        if (val.equals("#")) {
            return "";
        }
        if (val.charAt(1) != ' ') {
            throw lines.error("missing space after #");
        }
        return rstrip(val.substring(2));
    }

    /** Continuation lines of a description or tagged section; returns the first line not part of it. */
    private String docIndented(DocBuilder doc) {
        lines.advance();
        String line = docLine();
        while ("".equals(line)) {
            doc.appendLine(line);
            lines.advance();
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
            lines.advance();
            line = docLine();
            if (line == null || nameColon(line) >= 0) {
                return line;
            }
            int curIndent = indentOf(line);
            if (!line.isEmpty() && curIndent < indent) {
                if (prevLineBlank) {
                    return line;
                }
                throw lines.error("unexpected de-indent (expected at least " + indent + " spaces)");
            }
            doc.appendLine(line);
            // QEMU sets this after every appended line, blank or not; keep its behaviour.
            prevLineBlank = true;
        }
    }

    private String docParagraph(DocBuilder doc) {
        while (true) {
            lines.advance();
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

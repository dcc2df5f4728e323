package dev.qapi.generator.doc;

import dev.qapi.generator.markup.DocMarkup;
import dev.qapi.generator.markup.InlineMarkup;
import dev.qapi.generator.output.GeneratedFile;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.parser.schema.Module;
import dev.qapi.parser.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema's reference documentation, like QEMU's QMP reference manual: an index page (table of contents
 * and alphabetical index) and one page per module, as HTML and/or Markdown. The same schema and options
 * always give the same bytes.
 *
 * <pre>
 * GeneratedFiles site = DocGenerator.generate(schema, DocOptions.DEFAULT);
 * site.writeTo(outputDir);
 * </pre>
 */
public final class DocGenerator {

    private DocGenerator() {
    }

    public static GeneratedFiles generate(Schema schema, DocOptions options) {
        SiteMap site = SiteMap.of(schema);
        DocMarkup markup = new DocMarkup(new InlineMarkup(site::link));
        List<Page> modulePages = new ModulePages(site, markup).pages();
        String title = options.title().orElseGet(() -> defaultTitle(site));
        List<Page> pages = new ArrayList<>();
        pages.add(IndexPage.of(title, modulePages));
        pages.addAll(modulePages);
        List<GeneratedFile> files = new ArrayList<>();
        if (options.formats().contains(DocFormat.HTML)) {
            HtmlRenderer html = new HtmlRenderer(title);
            pages.forEach(p -> files.add(new GeneratedFile(GeneratedFile.Kind.DOC, p.name() + ".html", html.render(p))));
        }
        if (options.formats().contains(DocFormat.MARKDOWN)) {
            MarkdownRenderer markdown = new MarkdownRenderer(title);
            pages.forEach(p -> files.add(new GeneratedFile(GeneratedFile.Kind.DOC, p.name() + ".md", markdown.render(p))));
        }
        if (options.formats().contains(DocFormat.HTML)) {
            files.add(new GeneratedFile(GeneratedFile.Kind.DOC, HtmlRenderer.STYLESHEET, stylesheet()));
        }
        return new GeneratedFiles(files);
    }

    /** The main file's first heading, or its name without {@code .json}. */
    private static String defaultTitle(SiteMap site) {
        Module root = site.schema().modules().stream().filter(m -> !m.isBuiltin()).findFirst().orElseThrow();
        String title = site.title(root);
        return title.equals(root.name()) ? root.name().replaceAll("^.*/|\\.json$", "") : title;
    }

    private static String stylesheet() {
        try (InputStream in = DocGenerator.class.getResourceAsStream(HtmlRenderer.STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("resource " + HtmlRenderer.STYLESHEET + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

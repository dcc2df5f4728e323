package dev.qapi.maven;

import dev.qapi.generator.doc.DocFormat;
import dev.qapi.generator.doc.DocOptions;
import java.io.File;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates the schema's reference documentation, like QEMU's QMP reference: an HTML site (index, one
 * page per module, every command, event and type with its members, features, returns, errors, since and
 * examples, types linked to their definitions) and the same as Markdown.
 *
 * <p>Incremental as {@code generate} is: when neither the schema files nor the parameters changed since
 * the last successful run of this execution, nothing is written. Otherwise only pages whose bytes changed
 * are written, and pages this execution wrote before but no longer does are deleted.
 */
@Mojo(name = "doc", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public class DocMojo extends AbstractQapiMojo {

    /**
     * Where the documentation goes.
     *
     * <pre>{@code <docDirectory>${project.build.directory}/qapi-doc</docDirectory>}</pre>
     */
    @Parameter(defaultValue = "${project.build.directory}/qapi-doc", required = true)
    private File docDirectory;

    /**
     * Which formats to write: {@code html}, {@code markdown} or {@code both}.
     *
     * <pre>{@code <docFormat>html</docFormat>}</pre>
     */
    @Parameter(property = "qapi.docFormat", defaultValue = "both")
    private String docFormat;

    /**
     * The title of the documentation; by default the schema's first heading.
     *
     * <pre>{@code <docTitle>My QMP Reference</docTitle>}</pre>
     */
    @Parameter
    private String docTitle;

    @Override
    protected SchemaOutput output() throws MojoFailureException {
        Set<DocFormat> formats = switch (docFormat.toLowerCase(Locale.ROOT)) {
            case "html" -> EnumSet.of(DocFormat.HTML);
            case "markdown" -> EnumSet.of(DocFormat.MARKDOWN);
            case "both" -> EnumSet.allOf(DocFormat.class);
            default -> throw new MojoFailureException("qapi: docFormat must be html, markdown or both, not '" + docFormat + "'");
        };
        DocOptions options = DocOptions.DEFAULT.withFormats(formats);
        if (docTitle != null && !docTitle.isBlank()) {
            options = options.withTitle(docTitle);
        }
        return new DocOutput(options, docDirectory.toPath());
    }

    @Override
    protected String what() {
        return "documentation";
    }
}

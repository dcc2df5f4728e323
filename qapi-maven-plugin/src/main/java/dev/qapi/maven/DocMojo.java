package dev.qapi.maven;

import dev.qapi.generator.doc.DocFiles;
import dev.qapi.generator.doc.DocFormat;
import dev.qapi.generator.doc.DocGenerator;
import dev.qapi.generator.doc.DocOptions;
import dev.qapi.parser.SchemaLoader;
import dev.qapi.parser.schema.Schema;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the schema's reference documentation, like QEMU's QMP reference: an HTML site (index, one
 * page per module, every command, event and type with its members, features, returns, errors, since and
 * examples, types linked to their definitions) and the same as Markdown. Files whose bytes did not
 * change are left alone.
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
    protected void execute(MavenProject project) throws MojoExecutionException, MojoFailureException {
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
        Path base = project.getBasedir().toPath();
        Path schemaPath = schema.toPath().toAbsolutePath().normalize();
        String shown = schemaPath.startsWith(base) ? base.relativize(schemaPath).toString() : schemaPath.toString();
        Schema model = SchemaLoader.load(base, base.relativize(schemaPath).toString());
        DocFiles site = DocGenerator.generate(model, options);
        try {
            DocFiles.WriteResult result = site.writeTo(docDirectory.toPath());
            getLog().info("qapi: documentation of " + shown + " in " + docDirectory + " (" + site.files().size()
                    + " files: " + result.written() + " written, " + result.unchanged() + " unchanged)");
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("qapi: cannot write the documentation: " + e.getMessage(), e);
        }
    }
}

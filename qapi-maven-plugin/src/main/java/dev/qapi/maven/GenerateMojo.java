package dev.qapi.maven;

import dev.qapi.generator.java.GeneratorOptions;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the Java bindings of a QAPI schema (types, commands, events, introspection) and adds them to
 * the build: the sources as a compile source root, the introspection data as a resource directory.
 *
 * <p>Incremental: when neither the schema files nor the configuration changed since the last successful
 * run of this execution, nothing is written. Otherwise only files whose bytes changed are written, and
 * files this execution generated before but no longer does are deleted.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractQapiMojo {

    /**
     * The Java package of every generated class.
     *
     * <pre>{@code <packageName>com.example.qmp</packageName>}</pre>
     */
    @Parameter(required = true)
    private String packageName;

    /**
     * Where the generated Java sources go; added to the project's compile source roots.
     *
     * <pre>{@code <outputDirectory>${project.build.directory}/generated-sources/qapi</outputDirectory>}</pre>
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/qapi", required = true)
    private File outputDirectory;

    /**
     * Where the generated resources (the introspection data) go; added to the project's resources.
     *
     * <pre>{@code <resourceOutputDirectory>${project.build.directory}/generated-resources/qapi</resourceOutputDirectory>}</pre>
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-resources/qapi", required = true)
    private File resourceOutputDirectory;

    /**
     * The configuration symbols that are defined, to evaluate {@code 'if'} conditions as QEMU's build
     * does: definitions whose condition is false are left out. When not given, everything is generated
     * and the conditions are recorded on the generated code.
     *
     * <pre>{@code
     * <defines>
     *   <define>CONFIG_LINUX</define>
     * </defines>
     * }</pre>
     */
    @Parameter
    private List<String> defines;

    /**
     * Whether to generate the server side too (commands interfaces and their registration, event
     * emitters, the introspection data). Off for a client of someone else's server, such as QEMU: the
     * types, argument records, event records and {@code SchemaClient} are always generated.
     *
     * <pre>{@code <serverSide>false</serverSide>}</pre>
     */
    @Parameter(property = "qapi.serverSide", defaultValue = "true")
    private boolean serverSide;

    @Override
    protected SchemaOutput output() throws MojoFailureException {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(packageName,
                    defines == null ? Optional.empty() : Optional.of(symbols(defines)), serverSide);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("qapi: packageName: " + e.getMessage());
        }
        return new BindingsOutput(options, schema.getName(), outputDirectory.toPath(),
                resourceOutputDirectory.toPath());
    }

    @Override
    protected String what() {
        return "bindings";
    }

    @Override
    protected void addToProject(MavenProject project) {
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        String resources = resourceOutputDirectory.getAbsolutePath();
        boolean present = false;
        for (Resource r : project.getResources()) {
            present |= resources.equals(new File(r.getDirectory()).getAbsolutePath());
        }
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(resources);
            project.addResource(resource);
        }
    }
}

package dev.qapi.maven;

import dev.qapi.parser.QapiError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal of this plugin shares: the schema it reads, {@code qapi.skip}, the incremental run
 * ({@link IncrementalGeneration}, with its state under {@code target/maven-status/qapi/<execution-id>/}),
 * the line it logs, and reporting a schema error as a build failure located at {@code file:line}. A goal
 * only says what it makes of the schema ({@link #output()}) and what it adds to the project afterwards.
 */
abstract class AbstractQapiMojo extends AbstractMojo {

    /**
     * The root schema file; the files it includes are found relative to it.
     *
     * <pre>{@code <schema>${project.basedir}/src/main/qapi/qapi-schema.json</schema>}</pre>
     */
    @Parameter(defaultValue = "${project.basedir}/src/main/qapi/qapi-schema.json", required = true)
    protected File schema;

    /**
     * Skips this goal: nothing is read, written or added to the project.
     *
     * <pre>{@code <skip>true</skip>}</pre> or {@code -Dqapi.skip}
     */
    @Parameter(property = "qapi.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("qapi: skipped (qapi.skip)");
            return;
        }
        long start = System.nanoTime();
        GenerationRequest request = new GenerationRequest(project.getBasedir().toPath(), schema.toPath(),
                output(), stateFile(), pluginFingerprint());
        IncrementalGeneration.Outcome outcome;
        try {
            outcome = IncrementalGeneration.run(request);
        } catch (QapiError e) {
            SchemaErrorReport report = SchemaErrorReport.of(e.getMessage());
            report.lines().forEach(getLog()::error);
            throw new MojoFailureException(report.summary());
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("qapi: cannot generate the " + what() + " of "
                    + request.schemaDisplayName() + ": " + e.getMessage(), e);
        }
        addToProject(project);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (outcome.upToDate()) {
            getLog().info("qapi: " + what() + " of " + request.schemaDisplayName() + " up to date ("
                    + outcome.files() + " files) in " + ms + " ms");
        } else {
            getLog().info("qapi: generated the " + what() + " of " + request.schemaDisplayName() + " ("
                    + outcome.files() + " files: " + outcome.written() + " written, " + outcome.unchanged()
                    + " unchanged, " + outcome.deleted() + " deleted) in " + ms + " ms");
        }
    }

    /**
     * What this goal makes of the schema, from its parameters.
     *
     * @throws MojoFailureException when a parameter is invalid
     */
    protected abstract SchemaOutput output() throws MojoFailureException;

    /** What this goal generates, as the log names it: {@code bindings}, {@code documentation}. */
    protected abstract String what();

    /** Done after every run, also when nothing was regenerated: the project model is built anew each time. */
    protected void addToProject(MavenProject project) {
    }

    /**
     * Where this execution of this goal keeps its state:
     * {@code target/maven-status/qapi/<execution-id>/<goal>-state.txt}, so that goals bound in one
     * execution do not collide.
     */
    private Path stateFile() {
        String id = mojoExecution.getExecutionId().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(project.getBuild().getDirectory(), "maven-status", "qapi", id,
                mojoExecution.getGoal() + "-state.txt");
    }

    /** The plugin's version and a hash of the code it runs: see {@link PluginFingerprint}. */
    private String pluginFingerprint() throws MojoExecutionException {
        List<PluginFingerprint.Library> libraries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Artifact> artifacts = new ArrayList<>();
        if (plugin.getPluginArtifact() != null) {
            artifacts.add(plugin.getPluginArtifact());
        }
        if (plugin.getArtifacts() != null) {
            artifacts.addAll(plugin.getArtifacts());
        }
        for (Artifact artifact : artifacts) {
            String coordinates = artifact.getGroupId() + ":" + artifact.getArtifactId()
                    + (artifact.hasClassifier() ? ":" + artifact.getClassifier() : "") + ":" + artifact.getBaseVersion();
            if (seen.add(coordinates)) {
                File file = artifact.getFile();
                libraries.add(new PluginFingerprint.Library(coordinates, file == null ? null : file.toPath(),
                        artifact.isSnapshot()));
            }
        }
        try {
            String fingerprint = PluginFingerprint.of(plugin.getVersion(), libraries);
            if (getLog().isDebugEnabled()) {
                getLog().debug("qapi: plugin " + fingerprint + " from " + libraries);
            }
            return fingerprint;
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("qapi: cannot read the plugin's own code: " + e.getMessage(), e);
        }
    }
}

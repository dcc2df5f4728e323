package dev.qapi.maven;

import dev.qapi.parser.QapiError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 *
 * <p>Up to the "up to date" line, this runs in a JVM that Maven has just started, on every build: it
 * uses no lambdas, method references, streams or regexes (each costs milliseconds the first time in a
 * JVM), and string concatenation compiles to {@code StringBuilder} ({@code -XDstringConcat=inline}).
 * {@code ColdStartTest} checks the path below the mojo.
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
                output(), stateFile(), pluginCode());
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
        } catch (RuntimeException e) {
            MojoFailureException failure = failure(e);
            if (failure == null) {
                throw e;
            }
            throw failure;
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
        afterRun();
    }

    /**
     * The build failure a goal makes of an exception its {@link SchemaOutput} throws for bad input other
     * than the schema (which is a {@code QapiError}), or {@code null} when it is a bug.
     */
    protected MojoFailureException failure(RuntimeException e) {
        return null;
    }

    /**
     * Done after every successful run, also when nothing was regenerated: a goal that judges its output
     * (as {@code compat} fails the build on breaking changes) does it here, from the files.
     */
    protected void afterRun() throws MojoFailureException {
    }

    /**
     * What this goal makes of the schema, from its parameters.
     *
     * @throws MojoFailureException when a parameter is invalid
     */
    protected abstract SchemaOutput output() throws MojoFailureException;

    /** The symbols of a {@code <defines>} parameter, blank ones left out, in order, each once. */
    protected static Set<String> symbols(List<String> defines) {
        Set<String> symbols = new LinkedHashSet<>();
        for (String define : defines) {
            if (define != null && !define.isBlank()) {
                symbols.add(define.strip());
            }
        }
        return symbols;
    }

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
        return Path.of(project.getBuild().getDirectory(), "maven-status", "qapi",
                fileName(mojoExecution.getExecutionId()), mojoExecution.getGoal() + "-state.txt");
    }

    /** {@code id} with every character but {@code A-Za-z0-9._-} replaced by {@code _}. */
    private static String fileName(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            name.append(plain ? c : '_');
        }
        return name.toString();
    }

    /** The plugin's version and the libraries it runs on, with their files: see {@link PluginCode}. */
    private PluginCode pluginCode() {
        List<PluginCode.Library> libraries = new ArrayList<>();
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
                libraries.add(new PluginCode.Library(coordinates, file == null ? null : file.toPath(),
                        artifact.isSnapshot()));
            }
        }
        return new PluginCode(plugin.getVersion(), libraries);
    }
}

package dev.qapi.maven;

import dev.qapi.parser.QapiError;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal of this plugin shares: the schema it reads, {@code qapi.skip}, and reporting a schema
 * error as a build failure located at {@code file:line}. A goal gathers its parameters into a request
 * and hands it to code that knows nothing of Maven ({@link #execute(MavenProject)}); the {@code doc}
 * goal, when it comes, is meant to sit next to {@link GenerateMojo} on this base.
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
        try {
            execute(project);
        } catch (QapiError e) {
            SchemaErrorReport report = SchemaErrorReport.of(e.getMessage());
            report.lines().forEach(getLog()::error);
            throw new MojoFailureException(report.summary());
        }
    }

    /**
     * Runs the goal.
     *
     * @throws QapiError for an invalid schema: reported here, without a stack trace
     */
    protected abstract void execute(MavenProject project) throws MojoExecutionException, MojoFailureException;

    /**
     * Where this execution keeps its state: {@code target/maven-status/qapi/<execution-id>/}. Each goal
     * names its own file in it, so goals bound in one execution do not collide.
     */
    protected Path stateDir() {
        String id = mojoExecution.getExecutionId().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(project.getBuild().getDirectory(), "maven-status", "qapi", id);
    }
}

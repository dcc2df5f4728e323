package dev.qapi.maven;

import dev.qapi.compat.CompatInputException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compares the project's schema with a baseline, as {@code qapi-gen compat BASELINE SCHEMA} does, writes
 * the report to {@code reportDirectory} ({@code compat-report.txt}, {@code compat-report.json}) and fails
 * the build when a client of the baseline would break, unless {@code failOnBreaking} is false.
 *
 * <p>The baseline, as japicmp and revapi take it: {@code baselineVersion}, the project's own artifact in a
 * previous release (its jar holds the {@code qapi-introspect.json} that {@code qapi:generate} put there), or
 * {@code baselineArtifact}, any coordinates (a jar with that resource, or a {@code .json} artifact that is a
 * schema file or {@code query-qmp-schema} data), resolved from the project's repositories; or
 * {@code baseline}, a file. Incremental like {@code generate}: with the schema files, the baseline's bytes
 * and the parameters unchanged, nothing is compared again, and the last report decides.
 */
@Mojo(name = "compat", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompatMojo extends AbstractQapiMojo {

    /**
     * A baseline file: a schema file or {@code query-qmp-schema} data.
     *
     * <pre>{@code <baseline>src/compat/qapi-schema-1.0.json</baseline>}</pre>
     */
    @Parameter(property = "qapi.compat.baseline")
    private File baseline;

    /**
     * The version of this project's own artifact to compare with, e.g. the last release; its jar's
     * {@code qapi-introspect.json} is the baseline.
     *
     * <pre>{@code <baselineVersion>1.4.0</baselineVersion>}</pre>
     */
    @Parameter(property = "qapi.compat.baselineVersion")
    private String baselineVersion;

    /**
     * The baseline's coordinates, {@code groupId:artifactId[:extension[:classifier]]:version}: a jar with
     * one {@code qapi-introspect.json}, or a {@code json} artifact.
     *
     * <pre>{@code <baselineArtifact>com.example:qmp-api:json:qapi-schema:1.4.0</baselineArtifact>}</pre>
     */
    @Parameter(property = "qapi.compat.baselineArtifact")
    private String baselineArtifact;

    /**
     * In a baseline jar, the entry to read when it holds more than one {@code qapi-introspect.json}.
     *
     * <pre>{@code <baselineEntry>com/example/qmp/qapi-introspect.json</baselineEntry>}</pre>
     */
    @Parameter
    private String baselineEntry;

    /**
     * Whether breaking findings fail the build.
     *
     * <pre>{@code <failOnBreaking>false</failOnBreaking>}</pre>
     */
    @Parameter(property = "qapi.compat.failOnBreaking", defaultValue = "true")
    private boolean failOnBreaking;

    /**
     * Whether parts marked {@code unstable} are compared too (by default their changes are ignored).
     *
     * <pre>{@code <strict>true</strict>}</pre>
     */
    @Parameter(property = "qapi.compat.strict", defaultValue = "false")
    private boolean strict;

    /**
     * Where the report goes.
     *
     * <pre>{@code <reportDirectory>${project.build.directory}/qapi-compat</reportDirectory>}</pre>
     */
    @Parameter(defaultValue = "${project.build.directory}/qapi-compat", required = true)
    private File reportDirectory;

    /**
     * Evaluate the schemas' {@code 'if'} conditions with these symbols defined (as {@code generate} does);
     * absent: keep everything.
     *
     * <pre>{@code <defines><define>CONFIG_LINUX</define></defines>}</pre>
     */
    @Parameter
    private List<String> defines;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> remoteRepositories;

    @Override
    protected SchemaOutput output() throws MojoFailureException {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path file = baselineFile();
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
        String shown = schema.toPath().toAbsolutePath().normalize().startsWith(base)
                ? base.relativize(schema.toPath().toAbsolutePath().normalize()).toString() : schema.getPath();
        return new CompatOutput(base, name, sha256(absolute), shown, strict, defines == null ? null : symbols(defines),
                reportDirectory.toPath().toAbsolutePath().normalize());
    }

    private Path baselineFile() throws MojoFailureException {
        int given = (baseline != null ? 1 : 0) + (baselineVersion != null ? 1 : 0) + (baselineArtifact != null ? 1 : 0);
        if (given != 1) {
            throw new MojoFailureException("qapi: compat needs exactly one of <baseline> (a file), <baselineVersion>"
                    + " (this project's artifact in that version) and <baselineArtifact> (coordinates)");
        }
        if (baseline != null) {
            return baseline.toPath();
        }
        String coordinates = baselineArtifact != null ? baselineArtifact
                : project.getGroupId() + ":" + project.getArtifactId() + ":jar:" + baselineVersion;
        if (baselineVersion != null && baselineVersion.equals(project.getVersion())) {
            throw new MojoFailureException("qapi: baselineVersion " + baselineVersion
                    + " is this build's own version: name the release to compare with");
        }
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("qapi: baselineArtifact '" + coordinates
                    + "' is not groupId:artifactId[:extension[:classifier]]:version");
        }
        Path resolved;
        try {
            resolved = repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, remoteRepositories, null)).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException("qapi: cannot resolve the baseline " + coordinates + ": " + e.getMessage());
        }
        try {
            return BaselineArtifact.baselineOf(coordinates, resolved, baselineEntry,
                    reportDirectory.toPath().resolve("baseline").resolve(artifact.getArtifactId() + "-"
                            + artifact.getVersion() + "-" + BaselineArtifact.RESOURCE));
        } catch (IOException e) {
            throw new MojoFailureException("qapi: cannot read the baseline " + resolved + ": " + e.getMessage());
        }
    }

    private static String sha256(Path file) throws MojoFailureException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("qapi: baseline " + file + " does not exist");
        } catch (IOException e) {
            throw new MojoFailureException("qapi: cannot read the baseline " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }


    @Override
    protected String what() {
        return "compatibility report";
    }

    @Override
    protected MojoFailureException failure(RuntimeException e) {
        if (e instanceof CompatInputException) {
            for (String line : e.getMessage().split("\n")) {
                getLog().error(line);
            }
            return new MojoFailureException("qapi: invalid baseline: " + e.getMessage().replace('\n', ' '));
        }
        return null;
    }

    /** Logs the findings of the report and fails on breaking ones, from the file (also when up to date). */
    @Override
    protected void afterRun() throws MojoFailureException {
        Path text = reportDirectory.toPath().resolve(CompatOutput.TEXT);
        List<String> lines;
        try {
            lines = Files.readAllLines(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("qapi: cannot read the report " + text + ": " + e.getMessage());
        }
        List<String> breaking = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("breaking: ")) {
                breaking.add(line);
                getLog().error(line);
            } else if (line.startsWith("deprecated-removal: ") || line.startsWith("java-source-only: ")) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        getLog().info("qapi: " + lines.size() + " compatibility findings, " + breaking.size() + " breaking; report in "
                + text);
        if (!breaking.isEmpty() && failOnBreaking) {
            throw new MojoFailureException("qapi: " + breaking.size() + " breaking change"
                    + (breaking.size() == 1 ? "" : "s") + " against the baseline, the first: " + breaking.get(0)
                    + " (set failOnBreaking to false to report only)");
        }
    }
}

package dev.qapi.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared reference material ({@code ../shared} next to the repository), in
 * particular QEMU's complete schema. Tests that need it skip with a clear message when it is absent
 * (a user's fresh clone), but fail under {@code CI=true}, where it must be there.
 */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    /** The directory holding QEMU's real schema ({@code qapi-schema.json} and the files it includes). */
    public static Path qemuSchemaDir() {
        Path dir = locate();
        String why = "QEMU's schema not found (looked for ../shared/qemu-qapi next to the repository,"
                + " or $QAPI_SHARED_DIR/qemu-qapi)";
        if (dir == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; it is required under CI=true");
            }
            skip(why);
        }
        return dir;
    }

    /**
     * Skips the calling test, saying why on stderr as well: surefire shows a skipped test's reason only in
     * its XML report, while what a test prints reaches Maven's console.
     */
    private static void skip(String why) {
        String caller = StackWalker.getInstance().walk(frames -> frames
                .dropWhile(f -> f.getClassName().equals(SharedMaterial.class.getName()))
                .findFirst().map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName()).orElse("?"));
        System.err.println("SKIPPED " + caller + ": " + why);
        assumeTrue(false, why + ": skipping");
    }

    private static Path locate() {
        String env = System.getenv("QAPI_SHARED_DIR");
        if (env != null && Files.isRegularFile(Path.of(env, "qemu-qapi", "qapi-schema.json"))) {
            return Path.of(env, "qemu-qapi").toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("qemu-qapi");
            if (Files.isRegularFile(candidate.resolve("qapi-schema.json"))) {
                return candidate.normalize();
            }
        }
        return null;
    }
}

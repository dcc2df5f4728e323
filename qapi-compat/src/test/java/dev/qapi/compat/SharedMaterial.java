package dev.qapi.compat;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared reference material ({@code ../shared} next to the repository), in particular
 * QEMU's complete schema. Tests that need it skip with a clear message when it is absent (a user's fresh
 * clone), but fail under {@code CI=true}, where it must be there. (The parser's and the generator's tests have the same helper;
 * test classes are not shared between modules.)
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
            assumeTrue(false, why + ": skipping");
        }
        return dir;
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

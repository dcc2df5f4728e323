package dev.qapi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.generator.output.GeneratedFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The generator's packages depend on each other without cycles, and the shared ones ({@code output},
 * {@code markup}) on none of the others: what the compiled classes reference, as the JDK's {@code jdeps}
 * reports it, so a fully qualified name slips through no more than an import.
 */
class PackageDependenciesTest {
    private static final String PREFIX = "dev.qapi.generator.";
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.qapi\\.generator\\.\\S+)\\s+->\\s+(dev\\.qapi\\.generator\\.\\S+)\\s", Pattern.MULTILINE);

    private static Map<String, Set<String>> dependencies() throws URISyntaxException {
        Path classes = Path.of(GeneratedFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-e", "dev\\.qapi\\.generator\\..*", classes.toString());
        assertEquals(0, status, out.toString());
        Map<String, Set<String>> deps = new TreeMap<>();
        Matcher m = EDGE.matcher(out.toString());
        while (m.find()) {
            deps.computeIfAbsent(local(m.group(1)), k -> new TreeSet<>()).add(local(m.group(2)));
        }
        assertTrue(deps.containsKey("java"), "jdeps found no dependencies of the java package:\n" + out);
        return deps;
    }

    private static String local(String pkg) {
        return pkg.substring(PREFIX.length());
    }

    @Test
    void theSharedPackagesDependOnNoOutput() throws URISyntaxException {
        Map<String, Set<String>> deps = dependencies();
        assertEquals(Set.of(), deps.getOrDefault("output", Set.of()));
        assertEquals(Set.of(), deps.getOrDefault("markup", Set.of()));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws URISyntaxException {
        Map<String, Set<String>> deps = dependencies();
        for (String start : deps.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            assertTrue(noCycle(start, deps, path), "a cycle: " + String.join(" -> ", path));
        }
    }

    /** Depth-first from the last package of {@code path}; false (with {@code path} the cycle) on reaching {@code start}. */
    private static boolean noCycle(String start, Map<String, Set<String>> deps, List<String> path) {
        for (String next : deps.getOrDefault(path.get(path.size() - 1), Set.of())) {
            path.add(next);
            if (next.equals(start)
                    || !path.subList(0, path.size() - 1).contains(next) && !noCycle(start, deps, path)) {
                return false;
            }
            path.remove(path.size() - 1);
        }
        return true;
    }
}

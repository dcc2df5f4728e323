package dev.qapi.cli;

import dev.qapi.generator.java.GeneratorOptions;
import dev.qapi.generator.java.JavaGenerator;
import dev.qapi.generator.output.GeneratedFiles;
import dev.qapi.parser.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times the whole {@code java} job (load the schema, generate, write every file into a fresh directory)
 * in process and prints medians:
 * {@code java -cp qapi-gen.jar dev.qapi.cli.GeneratorBenchmark SCHEMA OUTDIR [ROUNDS [WARMUP [SCRATCH]]]}.
 * {@code tools/bench/generate.sh} runs it next to QEMU's {@code qapi-gen.py}.
 *
 * <p>Two figures: {@code early}, ROUNDS rounds after WARMUP warm-up rounds (default 11 after 10), when
 * the JIT compiler is typically still busy compiling the generator on the second core; and {@code warm},
 * ROUNDS rounds once the JIT has settled: warm-up goes on until {@value #SETTLED_ROUNDS} consecutive
 * rounds together added less than {@value #SETTLED_COMPILE_MS} ms of compilation (or until
 * {@value #MAX_WARMUP_SECONDS} s have passed, which the output then says).
 *
 * <p>Every round writes into a fresh directory, as a first generation does (so warm-up runs the same
 * code as the measured rounds). Measured rounds write under OUTDIR and are kept until the end;
 * warm-up rounds write under SCRATCH (default OUTDIR) and are deleted right after, outside the timing.
 * Give a SCRATCH on tmpfs when OUTDIR is on a disk: on ext4 mounted with {@code discard}, creating
 * files soon after deleting thousands is several times slower for a while.
 */
public final class GeneratorBenchmark {
    private static final int SETTLED_ROUNDS = 10;
    private static final long SETTLED_COMPILE_MS = 20;
    private static final long MAX_WARMUP_SECONDS = 120;
    private static final String USAGE = "usage: GeneratorBenchmark SCHEMA OUTDIR [ROUNDS [WARMUP [SCRATCH]]]";

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final String schema;
    private final String name;

    private GeneratorBenchmark(String schema) {
        this.schema = schema;
        this.name = Path.of(schema).getFileName().toString();
    }

    public static void main(String[] args) {
        int rounds;
        int warmup;
        Path out;
        Path scratch;
        try {
            if (args.length < 2) {
                throw new UsageException(args.length == 0 ? "no schema file given" : "no output directory given");
            }
            rounds = Arguments.count(args, 2, "ROUNDS", 11);
            warmup = Arguments.count(args, 3, "WARMUP", 10);
            out = Path.of(args[1]);
            scratch = args.length > 4 ? Path.of(args[4]) : out.resolve("scratch");
        } catch (UsageException | InvalidPathException e) {
            System.err.println("GeneratorBenchmark: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(QapiGen.USAGE);
            return;
        }
        if (Arguments.load(args[0], System.err).isEmpty()) {
            System.exit(QapiGen.INVALID);
        }
        try {
            new GeneratorBenchmark(args[0]).run(out, rounds, warmup, scratch);
        } catch (UncheckedIOException e) {
            System.err.println("GeneratorBenchmark: " + e.getMessage());
            System.exit(QapiGen.INVALID);
        }
    }

    private void run(Path out, int rounds, int warmup, Path scratch) {
        int done = 0;
        for (; done < warmup; done++) {
            warmUp(scratch.resolve("w" + done));
        }
        Measured early = measure(out.resolve("early"), rounds);
        System.out.printf("java early ms: %.2f (min %.2f, max %.2f, %d rounds after %d warm-up; JIT compiling %d ms meanwhile)%n",
                early.median(), early.min(), early.max(), rounds, warmup, early.compileMs());
        done += rounds;

        long deadline = System.nanoTime() + MAX_WARMUP_SECONDS * 1_000_000_000L;
        long[] compiled = new long[SETTLED_ROUNDS + 1];
        compiled[0] = JIT.getTotalCompilationTime();
        boolean settled = false;
        for (int i = 1; !settled && System.nanoTime() < deadline; i++, done++) {
            warmUp(scratch.resolve("w" + done));
            compiled[i % compiled.length] = JIT.getTotalCompilationTime();
            settled = i >= SETTLED_ROUNDS
                    && compiled[i % compiled.length] - compiled[(i + 1) % compiled.length] < SETTLED_COMPILE_MS;
        }
        Measured warm = measure(out.resolve("warm"), rounds);
        System.out.printf("java warm ms: %.2f (min %.2f, max %.2f, %d rounds after %d warm-up, JIT %s; compiling %d ms meanwhile)%n",
                warm.median(), warm.min(), warm.max(), rounds, done, settled ? "settled" : "NOT settled", warm.compileMs());
    }

    private record Measured(double median, double min, double max, long compileMs) {
    }

    private Measured measure(Path dir, int rounds) {
        double[] ms = new double[rounds];
        long compile0 = JIT.getTotalCompilationTime();
        for (int i = 0; i < rounds; i++) {
            Path round = dir.resolve("r" + i);
            createDirectories(round);
            long t0 = System.nanoTime();
            generate(round);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        long compileMs = JIT.getTotalCompilationTime() - compile0;
        Arrays.sort(ms);
        return new Measured(ms[rounds / 2], ms[0], ms[rounds - 1], compileMs);
    }

    private void warmUp(Path dir) {
        createDirectories(dir);
        generate(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job itself: load, generate, write into {@code dir}. */
    private void generate(Path dir) {
        GeneratedFiles files = JavaGenerator.generate(SchemaLoader.load(schema), GeneratorOptions.of("org.qemu.qmp"), name);
        files.writeTo(dir);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

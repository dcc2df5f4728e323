package dev.qapi.cli;

import dev.qapi.generator.java.GeneratedFiles;
import dev.qapi.generator.java.GeneratorOptions;
import dev.qapi.generator.java.JavaGenerator;
import dev.qapi.parser.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times the whole {@code java} job (load the schema, generate, write every file into a fresh directory)
 * in process, after warm-up, and prints the median:
 * {@code java -cp qapi-gen.jar dev.qapi.cli.GeneratorBenchmark SCHEMA OUTDIR [ROUNDS [WARMUP]]}.
 * {@code tools/bench/generate.sh} runs it next to QEMU's {@code qapi-gen.py}.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GeneratorBenchmark SCHEMA OUTDIR [ROUNDS [WARMUP]]");
            System.exit(2);
        }
        String schema = args[0];
        Path out = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String name = Path.of(schema).getFileName().toString();
        for (int i = 0; i < warmup; i++) {
            once(schema, name, out.resolve("w" + i));
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            Path dir = out.resolve("r" + i);
            long t0 = System.nanoTime();
            once(schema, name, dir);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("java warm ms: %.2f (min %.2f, max %.2f, %d rounds after %d warm-up)%n",
                ms[rounds / 2], ms[0], ms[rounds - 1], rounds, warmup);
    }

    private static void once(String schema, String name, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeneratedFiles files = JavaGenerator.generate(SchemaLoader.load(schema), GeneratorOptions.of("org.qemu.qmp"), name);
        files.writeTo(dir, dir);
    }
}

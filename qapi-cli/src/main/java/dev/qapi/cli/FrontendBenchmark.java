package dev.qapi.cli;

import dev.qapi.parser.SchemaLoader;
import java.util.Arrays;

/**
 * Times the front end (parse + check + build the model) in process, after warm-up, and prints the
 * median: {@code java -cp qapi-gen.jar dev.qapi.cli.FrontendBenchmark SCHEMA [ROUNDS [WARMUP]]}.
 * {@code tools/bench/frontend.sh} runs it next to QEMU's Python front end.
 */
public final class FrontendBenchmark {

    private FrontendBenchmark() {
    }

    private static final String USAGE = "usage: FrontendBenchmark SCHEMA [ROUNDS [WARMUP]]";

    public static void main(String[] args) {
        int rounds;
        int warmup;
        try {
            if (args.length < 1) {
                throw new UsageException("no schema file given");
            }
            rounds = Arguments.count(args, 1, "ROUNDS", 20);
            warmup = Arguments.count(args, 2, "WARMUP", 20);
        } catch (UsageException e) {
            System.err.println("FrontendBenchmark: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(QapiGen.USAGE);
            return;
        }
        String schema = args[0];
        if (Arguments.load(schema, System.err).isEmpty()) {
            System.exit(QapiGen.INVALID);
        }
        for (int i = 0; i < warmup; i++) {
            SchemaLoader.load(schema);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            SchemaLoader.load(schema);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("java warm ms: %.2f (min %.2f, max %.2f, %d rounds after %d warm-up)%n",
                ms[rounds / 2], ms[0], ms[rounds - 1], rounds, warmup);
    }
}

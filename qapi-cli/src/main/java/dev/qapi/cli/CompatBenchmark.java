package dev.qapi.cli;

import dev.qapi.compat.CompatInput;
import dev.qapi.compat.CompatInputException;
import dev.qapi.compat.CompatOptions;
import dev.qapi.compat.CompatReport;
import java.util.Arrays;

/**
 * Times {@code qapi-gen compat}'s whole job in process (read both inputs, compare, render the text), after
 * warm-up, and prints the median: {@code java -cp qapi-gen.jar dev.qapi.cli.CompatBenchmark OLD NEW [ROUNDS
 * [WARMUP]]}. {@code tools/bench/compat.sh} runs it.
 */
public final class CompatBenchmark {
    private static final String USAGE = "usage: CompatBenchmark OLD NEW [ROUNDS [WARMUP]]";

    private CompatBenchmark() {
    }

    public static void main(String[] args) {
        int rounds;
        int warmup;
        try {
            if (args.length < 2) {
                throw new UsageException("OLD and NEW are needed");
            }
            rounds = Arguments.count(args, 2, "ROUNDS", 21);
            warmup = Arguments.count(args, 3, "WARMUP", 30);
        } catch (UsageException e) {
            System.err.println("CompatBenchmark: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(QapiGen.USAGE);
            return;
        }
        int findings;
        try {
            findings = once(args[0], args[1]);
            for (int i = 0; i < warmup; i++) {
                once(args[0], args[1]);
            }
        } catch (CompatInputException e) {
            System.err.println(e.getMessage());
            System.exit(CompatCommand.INVALID_INPUT);
            return;
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            once(args[0], args[1]);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("java warm ms: %.2f (min %.2f, max %.2f, %d rounds after %d warm-up, %d findings)%n",
                ms[rounds / 2], ms[0], ms[rounds - 1], rounds, warmup, findings);
    }

    private static int once(String oldFile, String newFile) {
        CompatReport report = CompatReport.compare(CompatInput.load(oldFile, null), CompatInput.load(newFile, null),
                CompatOptions.DEFAULT);
        return report.toText().isEmpty() ? 0 : report.findings().size();
    }
}

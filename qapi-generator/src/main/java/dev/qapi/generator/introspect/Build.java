package dev.qapi.generator.introspect;

import dev.qapi.parser.schema.IfCond;
import java.util.Collection;
import java.util.Set;

/**
 * The build the introspection data is for, as far as the schema's conditions ({@code 'if'}) go.
 *
 * <p>QEMU compiles the data into C and wraps every conditional entry, member, enum value, branch,
 * alternative and feature in {@code #if}, so what a running QEMU reports depends on the configuration
 * symbols its build defined. {@link #unconfigured()} keeps everything, as if every condition held;
 * {@link #defining(Collection)} keeps only what holds when exactly the given symbols are defined.
 */
public sealed interface Build permits Build.Unconfigured, Build.Defining {

    /** No configuration: nothing is evaluated, everything is kept. */
    static Build unconfigured() {
        return Unconfigured.INSTANCE;
    }

    /** A build defining exactly {@code symbols} (the C preprocessor's view of {@code -DSYMBOL}). */
    static Build defining(Collection<String> symbols) {
        return new Defining(Set.copyOf(symbols));
    }

    /** Whether something under condition {@code cond} is part of this build. */
    boolean holds(IfCond cond);

    /** Every condition holds. */
    enum Unconfigured implements Build {
        INSTANCE;

        @Override
        public boolean holds(IfCond cond) {
            return true;
        }
    }

    /**
     * Exactly {@code symbols} are defined.
     *
     * @param symbols the defined configuration symbols
     */
    record Defining(Set<String> symbols) implements Build {
        public Defining {
            symbols = Set.copyOf(symbols);
        }

        @Override
        public boolean holds(IfCond cond) {
            return cond.evaluate(symbols);
        }
    }
}

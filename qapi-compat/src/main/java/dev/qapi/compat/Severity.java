package dev.qapi.compat;

import java.util.Locale;

/** How much a finding matters, most serious first. */
public enum Severity {
    /** An old client breaks against the new version. */
    BREAKING,
    /** It breaks, but only what the old version marked {@code deprecated}: QEMU's policy allows it. */
    DEPRECATED_REMOVAL,
    /** The wire is compatible but Java code written against the old generated bindings does not compile. */
    JAVA_SOURCE_ONLY,
    /** Compatible, but worth knowing: clients must cope with it (a new enum value on output, a new deprecation). */
    NOTE;

    /** {@code breaking}, {@code deprecated-removal}, {@code java-source-only}, {@code note}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

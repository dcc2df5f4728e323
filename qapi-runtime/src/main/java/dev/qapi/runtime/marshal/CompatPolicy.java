package dev.qapi.runtime.marshal;

import java.util.Objects;

/**
 * How the server treats the special features {@code deprecated} and {@code unstable} (QEMU's
 * {@code -compat} option): accept or reject them on input, keep or hide them on output.
 *
 * @param deprecatedInput what to do with deprecated commands, arguments and enum values sent by a client
 * @param deprecatedOutput whether deprecated results, members and events are sent
 * @param unstableInput what to do with unstable commands, arguments and enum values sent by a client
 * @param unstableOutput whether unstable results, members and events are sent
 */
public record CompatPolicy(Input deprecatedInput, Output deprecatedOutput, Input unstableInput, Output unstableOutput) {

    /** QEMU's default: accept everything, hide nothing. */
    public static final CompatPolicy DEFAULT = new CompatPolicy(Input.ACCEPT, Output.ACCEPT, Input.ACCEPT, Output.ACCEPT);

    /** Policy for input. */
    public enum Input {
        /** Accept it. */
        ACCEPT,
        /** Reject it with an error. */
        REJECT,
    }

    /** Policy for output. */
    public enum Output {
        /** Send it. */
        ACCEPT,
        /** Leave it out. */
        HIDE,
    }

    public CompatPolicy {
        Objects.requireNonNull(deprecatedInput, "deprecatedInput");
        Objects.requireNonNull(deprecatedOutput, "deprecatedOutput");
        Objects.requireNonNull(unstableInput, "unstableInput");
        Objects.requireNonNull(unstableOutput, "unstableOutput");
    }

    /**
     * Checks input that carries {@code features} (a {@link SpecialFeatures} mask) against the policy.
     *
     * @param errorClass the error class to report (QEMU uses CommandNotFound for commands)
     * @param kind what it is, e.g. {@code command}, {@code parameter}, {@code value}
     * @param name its name
     * @throws dev.qapi.runtime.QmpException {@code Deprecated KIND NAME disabled by policy} (or Unstable)
     */
    public void checkInput(int features, String errorClass, String kind, String name) {
        if ((features & SpecialFeatures.DEPRECATED) != 0 && deprecatedInput == Input.REJECT) {
            throw new dev.qapi.runtime.QmpException(errorClass, "Deprecated " + kind + " " + name + " disabled by policy");
        }
        if ((features & SpecialFeatures.UNSTABLE) != 0 && unstableInput == Input.REJECT) {
            throw new dev.qapi.runtime.QmpException(errorClass, "Unstable " + kind + " " + name + " disabled by policy");
        }
    }

    /** Whether output carrying {@code features} (a {@link SpecialFeatures} mask) is left out. */
    public boolean hidesOutput(int features) {
        return ((features & SpecialFeatures.DEPRECATED) != 0 && deprecatedOutput == Output.HIDE)
                || ((features & SpecialFeatures.UNSTABLE) != 0 && unstableOutput == Output.HIDE);
    }
}

package dev.qapi.runtime;

import java.util.Objects;

/**
 * A QMP error: what a command handler or the argument decoder reports, sent to the client as
 * {@code {"error": {"class": CLASS, "desc": DESC}}}.
 *
 * <p>The class is one of QEMU's error classes ({@link #GENERIC_ERROR} unless said otherwise).
 */
public final class QmpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The class of almost every error. */
    public static final String GENERIC_ERROR = "GenericError";
    /** An unknown or disabled command, or a command sent before capabilities negotiation. */
    public static final String COMMAND_NOT_FOUND = "CommandNotFound";
    /** A device that exists but is not active. */
    public static final String DEVICE_NOT_ACTIVE = "DeviceNotActive";
    /** A device that does not exist. */
    public static final String DEVICE_NOT_FOUND = "DeviceNotFound";
    /** A KVM capability that the host lacks. */
    public static final String KVM_MISSING_CAP = "KVMMissingCap";

    private final String errorClass;

    /** An error of class {@code errorClass} with description {@code desc}. */
    public QmpException(String errorClass, String desc) {
        super(Objects.requireNonNull(desc, "desc"), null, false, false);
        this.errorClass = Objects.requireNonNull(errorClass, "errorClass");
    }

    /** A {@code GenericError} with description {@code desc}. */
    public static QmpException generic(String desc) {
        return new QmpException(GENERIC_ERROR, desc);
    }

    /** The error class, e.g. {@code GenericError}. */
    public String errorClass() {
        return errorClass;
    }

    /** The human-readable description sent as {@code desc}. */
    public String desc() {
        return getMessage();
    }
}

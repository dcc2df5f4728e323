package dev.qapi.compat;

import java.util.Locale;

/**
 * The kinds of change the checker reports, each with the severity it has outside deprecated and unstable
 * parts (see {@link CompatChecker}). Their labels ({@code member-removed}...) are the stable names used in
 * reports and documentation ({@code docs/compat.md} explains each with an example).
 */
public enum Change {
    COMMAND_REMOVED(Severity.BREAKING),
    EVENT_REMOVED(Severity.BREAKING),
    /** A member a client sends (argument) or reads (mandatory return or event member) is gone. */
    MEMBER_REMOVED(Severity.BREAKING),
    /** An optional argument became mandatory. */
    MEMBER_MADE_MANDATORY(Severity.BREAKING),
    /** A new mandatory argument. */
    MANDATORY_MEMBER_ADDED(Severity.BREAKING),
    /**
     * A mandatory return or event member moved from the common members into some of the branches of what
     * is now a union: absent with the other tag values.
     */
    MEMBER_MOVED_TO_BRANCHES(Severity.BREAKING),
    /** A mandatory return or event member became optional. */
    MEMBER_MADE_OPTIONAL(Severity.BREAKING),
    /** An enum value a client may send is gone. */
    ENUM_VALUE_REMOVED(Severity.BREAKING),
    /** A union branch a client may send is gone. */
    BRANCH_REMOVED(Severity.BREAKING),
    /** The JSON type changed incompatibly for the direction (an argument that was a string is an integer...). */
    TYPE_CHANGED(Severity.BREAKING),
    /** An argument's integer type takes fewer values. */
    INT_RANGE_NARROWED(Severity.BREAKING),
    /** A returned integer may take values the old type could not hold. */
    INT_RANGE_WIDENED(Severity.BREAKING),
    /** An argument's alternate lost the alternative for a JSON type clients send. */
    ALTERNATE_BRANCH_REMOVED(Severity.BREAKING),
    /** A returned value may come with a JSON type it could not have before. */
    ALTERNATE_BRANCH_ADDED(Severity.BREAKING),
    /** A feature flag clients may probe for ({@code $feature}) is gone; deprecated and unstable excepted. */
    FEATURE_REMOVED(Severity.BREAKING),
    ALLOW_OOB_REMOVED(Severity.BREAKING),
    ALLOW_PRECONFIG_REMOVED(Severity.BREAKING),
    SUCCESS_RESPONSE_CHANGED(Severity.BREAKING),
    /** A returned enum may hold a value it could not before. */
    ENUM_VALUE_ADDED(Severity.NOTE),
    /** A returned union may have a branch it could not have before. */
    BRANCH_ADDED(Severity.NOTE),
    /** A returned string that was an enum may now hold any string. */
    ENUM_UNRESTRICTED(Severity.NOTE),
    /** An optional return or event member is gone: clients had to cope with its absence already. */
    OPTIONAL_MEMBER_REMOVED(Severity.NOTE),
    /** Something gained the {@code deprecated} feature. */
    DEPRECATED_ADDED(Severity.NOTE),
    /** A named type was renamed (invisible on the wire). */
    TYPE_RENAMED(Severity.JAVA_SOURCE_ONLY),
    /** A member's Java type changed while its wire form stayed compatible (uint8 to uint16, str to enum...). */
    JAVA_TYPE_CHANGED(Severity.JAVA_SOURCE_ONLY),
    /** A member's optionality changed compatibly for the wire, but its Java type ({@code Optional<T>}) changed. */
    OPTIONALITY_CHANGED(Severity.JAVA_SOURCE_ONLY),
    /** A command's or event's {@code boxed} changed: the generated method's parameters changed. */
    BOXED_CHANGED(Severity.JAVA_SOURCE_ONLY);

    private final Severity severity;

    Change(Severity severity) {
        this.severity = severity;
    }

    /** The severity outside deprecated and unstable parts. */
    public Severity severity() {
        return severity;
    }

    /** {@code member-removed}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

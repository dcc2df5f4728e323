package dev.qapi.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * One incompatibility or notable change.
 *
 * @param path where, in libvirt's schema path syntax ({@code query-cpus-fast/ret-type/qom-path},
 *     {@code set-action/arg-type/panic/^pause}, {@code blockdev-add/arg-type/+nbd}...)
 * @param change what changed
 * @param severity how much it matters, given the deprecation and stability of what changed
 * @param oldValue the old side in a few words ({@code optional}, {@code int8}, a JSON type), or {@code null}
 * @param newValue the new side likewise, or {@code null} when it is gone (printed as {@code absent})
 * @param oldLocation {@code FILE:LINE} of the old side's definition when it is a schema file, else {@code null}
 * @param newLocation likewise for the new side
 * @param alsoAffects the other paths on which the same change shows, sorted: a type shared by several
 *     commands, events or members is compared once, and its change is one finding, first met at
 *     {@code path}, that every one of these paths sees on the wire too
 */
public record Finding(String path, Change change, Severity severity, String oldValue, String newValue,
        String oldLocation, String newLocation, List<String> alsoAffects) {

    public Finding {
        alsoAffects = List.copyOf(alsoAffects);
    }

    /** This finding, showing on {@code others} too. */
    Finding alsoAffecting(List<String> others) {
        return new Finding(path, change, severity, oldValue, newValue, oldLocation, newLocation, others);
    }

    /** {@link #path()} and then {@link #alsoAffects()}: every wire path that sees this change. */
    public List<String> paths() {
        List<String> all = new ArrayList<>(alsoAffects.size() + 1);
        all.add(path);
        all.addAll(alsoAffects);
        return all;
    }

    /**
     * One line: {@code SEVERITY: PATH: CHANGE (old: X at FILE:LINE; new: Y at FILE:LINE)}, the parts in
     * parentheses only where known, then {@code ; also affects: PATH, PATH} if the change shows on other
     * paths too.
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(severity.label()).append(": ").append(path).append(": ").append(change.label());
        String old = side("old", oldValue, oldLocation);
        String now = side("new", newValue, newLocation);
        if (!old.isEmpty() || !now.isEmpty()) {
            sb.append(" (").append(old);
            if (!old.isEmpty() && !now.isEmpty()) {
                sb.append("; ");
            }
            sb.append(now).append(')');
        }
        if (!alsoAffects.isEmpty()) {
            sb.append("; also affects: ").append(String.join(", ", alsoAffects));
        }
        return sb.toString();
    }

    private static String side(String label, String value, String location) {
        if (value == null && location == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(label).append(':');
        sb.append(' ').append(value != null ? value : "absent");
        if (location != null) {
            sb.append(" at ").append(location);
        }
        return sb.toString();
    }
}

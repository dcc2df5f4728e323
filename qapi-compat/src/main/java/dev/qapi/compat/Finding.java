package dev.qapi.compat;

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
 */
public record Finding(String path, Change change, Severity severity, String oldValue, String newValue,
        String oldLocation, String newLocation) {

    /**
     * One line: {@code SEVERITY: PATH: CHANGE (old: X at FILE:LINE; new: Y at FILE:LINE)}, the parts in
     * parentheses only where known.
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

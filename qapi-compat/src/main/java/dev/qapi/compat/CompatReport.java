package dev.qapi.compat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The findings of one comparison and their renderings.
 *
 * @param findings in the order the walk met them: the old version's commands, then its events
 */
public record CompatReport(List<Finding> findings) {
    public CompatReport {
        findings = List.copyOf(findings);
    }

    /** Compares {@code oldSchema} with {@code newSchema}. */
    public static CompatReport compare(WireSchema oldSchema, WireSchema newSchema, CompatOptions options) {
        return new CompatReport(CompatChecker.compare(oldSchema, newSchema, options));
    }

    /** Whether any finding is {@link Severity#BREAKING}. */
    public boolean hasBreaking() {
        return count(Severity.BREAKING) > 0;
    }

    /** How many findings have {@code severity}. */
    public long count(Severity severity) {
        long n = 0;
        for (Finding f : findings) {
            n += f.severity() == severity ? 1 : 0;
        }
        return n;
    }

    /** One line per finding ({@link Finding#toText()}), each ending in a newline. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.toText()).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code 3 findings: 1 breaking, 0 deprecated-removal, 0 java-source-only, 2 note}, followed by
     * {@code , on 5 wire paths} when some finding shows on several paths. Findings are counted once
     * however many paths they show on.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(findings.size())
                .append(findings.size() == 1 ? " finding: " : " findings: ");
        for (Severity s : Severity.values()) {
            sb.append(count(s)).append(' ').append(s.label()).append(s.ordinal() + 1 < Severity.values().length ? ", " : "");
        }
        long paths = 0;
        for (Finding f : findings) {
            paths += 1 + f.alsoAffects().size();
        }
        if (paths > findings.size()) {
            sb.append(", on ").append(paths).append(" wire paths");
        }
        return sb.toString();
    }

    /**
     * {@code {"findings": [{"path", "also-affects", "change", "severity", "old", "new", "old-location",
     * "new-location"}]}}, absent values as {@code null}, {@code also-affects} a sorted array (empty when the
     * change shows on its path only), pretty-printed, ending in a newline.
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeArrayFieldStart("also-affects");
                for (String p : f.alsoAffects()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeStringField("change", f.change().label());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("old", f.oldValue());
                g.writeStringField("new", f.newValue());
                g.writeStringField("old-location", f.oldLocation());
                g.writeStringField("new-location", f.newLocation());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}

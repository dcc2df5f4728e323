package dev.qapi.runtime.dispatch;

import dev.qapi.runtime.marshal.SpecialFeatures;
import java.util.List;
import java.util.Objects;

/**
 * What the schema says about a command, independent of its implementation.
 *
 * @param name the command's wire name, e.g. {@code query-monitors}
 * @param allowOob whether it may run out of band ({@code exec-oob})
 * @param allowPreconfig whether it may run before the machine is initialized
 * @param successResponse whether a success is answered at all ({@code false} only for a few QGA commands)
 * @param specialFeatures the {@link SpecialFeatures} mask of its features
 * @param features the names of all its features, in schema order
 */
public record CommandInfo(
        String name,
        boolean allowOob,
        boolean allowPreconfig,
        boolean successResponse,
        int specialFeatures,
        List<String> features) {

    public CommandInfo {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
    }

    /** A plain command: in-band only, not in preconfig, answered, no features. */
    public static CommandInfo of(String name) {
        return new CommandInfo(name, false, false, true, SpecialFeatures.NONE, List.of());
    }
}

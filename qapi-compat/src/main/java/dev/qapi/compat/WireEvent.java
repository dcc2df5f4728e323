package dev.qapi.compat;

import java.util.List;

/**
 * An event as a client sees it.
 *
 * @param argType the handle of its data type (the empty object when it carries none)
 * @param boxed whether its generated method takes the data type as one object; {@code null} when unknown
 * @param location {@code FILE:LINE} of its definition, or {@code null}
 */
public record WireEvent(String name, String argType, Boolean boxed, List<String> features, String location) {
    public WireEvent {
        features = List.copyOf(features);
    }
}

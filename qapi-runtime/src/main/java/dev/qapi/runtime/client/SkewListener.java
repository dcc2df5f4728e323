package dev.qapi.runtime.client;

import dev.qapi.runtime.marshal.Skew;
import java.util.List;

/**
 * Hears what a typed client passed over while decoding what the server sent: the signs of a server of
 * another version than the bindings. Called on the thread that decodes (the connection's, for events);
 * it must not block.
 */
public interface SkewListener {

    /** Ignores everything. */
    SkewListener IGNORE = new SkewListener() {
        @Override
        public void skewed(String source, List<Skew> skews) {
        }

        @Override
        public void undecodableEvent(QmpEvent event, QmpDecodeException error) {
        }
    };

    /**
     * Logs through {@link System.Logger} (logger {@code dev.qapi.runtime.client}): skews at DEBUG,
     * undecodable events at WARNING. The default of generated clients.
     */
    SkewListener LOG = new SkewListener() {
        private final System.Logger log = System.getLogger("dev.qapi.runtime.client");

        @Override
        public void skewed(String source, List<Skew> skews) {
            if (log.isLoggable(System.Logger.Level.DEBUG)) {
                log.log(System.Logger.Level.DEBUG, source + ": passed over " + skews);
            }
        }

        @Override
        public void undecodableEvent(QmpEvent event, QmpDecodeException error) {
            log.log(System.Logger.Level.WARNING, error.getMessage() + "; typed listeners did not get it");
        }
    };

    /**
     * A value from {@code source} ({@code reply to COMMAND} or {@code event NAME}) was decoded, passing
     * over {@code skews}: members it does not know, enum values decoded as {@code UNRECOGNIZED}.
     */
    void skewed(String source, List<Skew> skews);

    /**
     * An event did not decode: its typed listeners did not get it (listeners of raw events did). A reply
     * that does not decode fails its call with the {@link QmpDecodeException} instead.
     */
    void undecodableEvent(QmpEvent event, QmpDecodeException error);
}

package dev.qapi.runtime.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The commands a server offers: schema metadata bound to implementations, by wire name, in
 * registration order. Registration normally happens through the generated {@code *CommandsMarshal}
 * classes; lookups are thread-safe. A handler that is an {@link AsyncCommandHandler} answers when its
 * stage completes.
 */
public final class CommandRegistry {

    /**
     * A registered command.
     *
     * @param info the schema's metadata
     * @param handler the implementation
     * @param enabled whether it may be run
     * @param disabledReason why not, if disabled and a reason was given (QEMU appends it to the error)
     */
    public record Registered(CommandInfo info, CommandHandler handler, boolean enabled, Optional<String> disabledReason) {
        public Registered {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(disabledReason, "disabledReason");
        }
    }

    private final Map<String, Registered> commands = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    /**
     * Binds {@code handler} to the command described by {@code info}.
     *
     * @throws IllegalStateException if a command of that name is registered already
     */
    public synchronized void register(CommandInfo info, CommandHandler handler) {
        Registered entry = new Registered(info, handler, true, Optional.empty());
        if (commands.putIfAbsent(info.name(), entry) != null) {
            throw new IllegalStateException("command '" + info.name() + "' is registered already");
        }
        order.add(info.name());
    }

    /**
     * Replaces the implementation of a registered command with {@code wrap} of it (e.g. to run it on
     * another thread), keeping its metadata and enabled state.
     *
     * @throws IllegalStateException if no command of that name is registered
     */
    public synchronized void rebind(String name, UnaryOperator<CommandHandler> wrap) {
        Registered e = commands.get(name);
        if (e == null) {
            throw new IllegalStateException("command '" + name + "' is not registered");
        }
        commands.put(name, new Registered(e.info(), Objects.requireNonNull(wrap.apply(e.handler()), "handler"),
                e.enabled(), e.disabledReason()));
    }

    /** Disables a registered command; running it then fails with {@code Command X has been disabled}. */
    public synchronized void disable(String name, Optional<String> reason) {
        commands.computeIfPresent(name, (k, e) -> new Registered(e.info(), e.handler(), false, reason));
    }

    /** Enables a disabled command again. */
    public synchronized void enable(String name) {
        commands.computeIfPresent(name, (k, e) -> new Registered(e.info(), e.handler(), true, Optional.empty()));
    }

    /** The command called {@code name}, if registered. */
    public Optional<Registered> lookup(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Every registered command, in registration order. */
    public synchronized List<Registered> commands() {
        List<Registered> out = new ArrayList<>(order.size());
        for (String name : order) {
            out.add(commands.get(name));
        }
        return out;
    }
}

package dev.qapi.client;

import dev.qapi.runtime.QmpException;
import java.util.Set;

/** The commands a server is known to have, so that calls to others fail before anything is sent. */
record ServerCommands(Set<String> names) {

    boolean has(String command) {
        return names.contains(command);
    }

    QmpException unknown(String command, QmpGreeting greeting) {
        return new QmpException(QmpException.COMMAND_NOT_FOUND, "The command " + command
                + " is not supported by this server (" + (greeting == null ? "version unknown" : greeting.describe())
                + "); nothing was sent");
    }
}

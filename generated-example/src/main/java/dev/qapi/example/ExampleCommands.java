package dev.qapi.example;

import dev.qapi.example.qmp.ChardevBackend;
import dev.qapi.example.qmp.ChardevInfo;
import dev.qapi.example.qmp.ChardevReturn;
import dev.qapi.example.qmp.ChardevSocket;
import dev.qapi.example.qmp.CharCommands;
import dev.qapi.example.qmp.ControlCommands;
import dev.qapi.example.qmp.MonitorAddArguments;
import dev.qapi.example.qmp.MonitorInfo;
import dev.qapi.example.qmp.MonitorMode;
import dev.qapi.example.qmp.SocketAddressLegacy;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.server.QmpServer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example server's commands, written against the generated interfaces: dynamic QMP monitors on
 * existing chardevs ({@code monitor-add}, {@code monitor-remove}, {@code query-monitors}) and socket
 * chardevs ({@code chardev-add}, {@code chardev-remove}, {@code query-chardev}).
 */
final class ExampleCommands implements ControlCommands, CharCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ExampleCommands.class);

    private final QmpServer server;

    ExampleCommands(QmpServer server) {
        this.server = server;
    }

    /**
     * Whether {@code id} is well-formed as QEMU requires of user ids: a letter, then letters, digits,
     * {@code -}, {@code .} and {@code _}. Generated ids start with {@code #}, so they never clash.
     */
    static boolean wellFormed(String id) {
        if (id.isEmpty() || !isAsciiLetter(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Rejects a malformed user id as QEMU does: {@code Parameter 'id' expects an identifier}. */
    private static void requireIdentifier(String id) {
        if (!wellFormed(id)) {
            throw QmpException.generic("Parameter 'id' expects an identifier");
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public void monitorAdd(MonitorAddArguments arg) {
        arg.id().ifPresent(ExampleCommands::requireIdentifier);
        String added = server.addMonitor(arg.chardev(), arg.id(), arg.pretty().orElse(false), true);
        LOG.info("monitor {} added on chardev {}", added, arg.chardev());
    }

    @Override
    public void monitorRemove(String id) {
        server.removeMonitor(id);
        LOG.info("monitor {} removed", id);
    }

    @Override
    public List<MonitorInfo> queryMonitors() {
        return server.monitors().stream()
                .map(m -> new MonitorInfo(m.id(), MonitorMode.CONTROL, m.chardev(), m.dynamic()))
                .toList();
    }

    @Override
    public ChardevReturn chardevAdd(String id, ChardevBackend backend) {
        requireIdentifier(id);
        ChardevSocket socket = ((ChardevBackend.Socket) backend).data().data();
        if (!socket.server().orElse(true)) {
            throw QmpException.generic("Failed to add chardev '" + id + "': only server mode is supported");
        }
        if (socket.wait_().orElse(false)) {
            throw QmpException.generic("Failed to add chardev '" + id + "': 'wait' is not supported");
        }
        server.addChardev(id, address(id, socket.addr()));
        LOG.info("chardev {} added", id);
        return new ChardevReturn(Optional.empty());
    }

    static SocketAddress address(String id, SocketAddressLegacy addr) {
        if (addr instanceof SocketAddressLegacy.Unix unix) {
            return UnixDomainSocketAddress.of(unix.data().data().path());
        }
        var inet = ((SocketAddressLegacy.Inet) addr).data().data();
        int port;
        try {
            port = Integer.parseInt(inet.port());
        } catch (NumberFormatException e) {
            throw QmpException.generic("Failed to add chardev '" + id + "': port '" + inet.port() + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw QmpException.generic("Failed to add chardev '" + id + "': port " + port + " out of range");
        }
        return new InetSocketAddress(inet.host(), port);
    }

    @Override
    public void chardevRemove(String id) {
        server.removeChardev(id);
        LOG.info("chardev {} removed", id);
    }

    @Override
    public List<ChardevInfo> queryChardev() {
        return server.chardevs().stream()
                .map(c -> new ChardevInfo(c.id(), c.filename(), c.frontendOpen()))
                .toList();
    }
}

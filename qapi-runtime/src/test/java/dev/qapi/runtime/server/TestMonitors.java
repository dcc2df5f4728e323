package dev.qapi.runtime.server;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/** Test helper: a monitor on a fresh Unix socket chardev. */
final class TestMonitors {

    private TestMonitors() {
    }

    /**
     * Adds chardev {@code chardev} listening on {@code dir/CHARDEV.sock} and a monitor on it.
     *
     * @param id the monitor's id, or null for a generated one
     * @return the socket's path
     */
    static Path add(QmpServer server, Path dir, String chardev, String id, boolean dynamic) {
        Path path = dir.resolve(chardev + ".sock");
        server.addChardev(chardev, UnixDomainSocketAddress.of(path));
        server.addMonitor(chardev, Optional.ofNullable(id), false, dynamic);
        return path;
    }
}

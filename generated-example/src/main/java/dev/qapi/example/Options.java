package dev.qapi.example;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's command line, in QEMU's option syntax for what we support:
 * {@code -chardev socket,id=ID,path=PATH|host=H,port=P,server=on,wait=off},
 * {@code -mon chardev=ID,mode=control[,id=MONID][,pretty=on]},
 * {@code -qmp unix:PATH,server=on,wait=off} / {@code -qmp tcp:HOST:PORT,server=on,wait=off},
 * {@code -version}, {@code -help}.
 *
 * @param chardevs chardevs to create, in order
 * @param monitors monitors to create, in order
 * @param action what to do besides serving
 */
record Options(List<Chardev> chardevs, List<Monitor> monitors, Action action) {

    /** What the command line asks for. */
    enum Action {
        SERVE, VERSION, HELP
    }

    /**
     * A chardev option.
     *
     * @param id its id
     * @param address where it listens
     */
    record Chardev(String id, SocketAddress address) {
    }

    /**
     * A monitor option.
     *
     * @param chardev the chardev it goes on
     * @param id its id, or empty for a generated one
     * @param pretty whether it pretty-prints
     */
    record Monitor(String chardev, Optional<String> id, boolean pretty) {
    }

    /** A command-line mistake, reported as {@code qmp-example-server: MESSAGE}. */
    static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message, null, false, false);
        }
    }

    static final String USAGE = """
            usage: qmp-example-server [options]
              -chardev socket,id=ID,path=PATH,server=on,wait=off
              -chardev socket,id=ID,host=HOST,port=PORT,server=on,wait=off
                                    a listening socket character device
              -mon chardev=ID,mode=control[,id=MONID][,pretty=on]
                                    a QMP monitor on a character device
              -qmp unix:PATH,server=on,wait=off
              -qmp tcp:HOST:PORT,server=on,wait=off
                                    shorthand: a chardev plus a QMP monitor on it
              -version              print the version and exit
              -help                 print this help and exit
            """;

    static Options parse(String[] args) throws BadOption {
        List<Chardev> chardevs = new ArrayList<>();
        List<Monitor> monitors = new ArrayList<>();
        int compat = 0;
        for (int i = 0; i < args.length; i++) {
            String opt = args[i].startsWith("--") ? args[i].substring(1) : args[i];
            switch (opt) {
                case "-version" -> {
                    return new Options(List.of(), List.of(), Action.VERSION);
                }
                case "-help", "-h" -> {
                    return new Options(List.of(), List.of(), Action.HELP);
                }
                case "-chardev" -> chardevs.add(chardev(value(args, ++i, opt)));
                case "-mon" -> monitors.add(monitor(value(args, ++i, opt)));
                case "-qmp" -> {
                    String id = "compat_monitor" + compat++;
                    chardevs.add(new Chardev(id, shorthand(value(args, ++i, opt))));
                    monitors.add(new Monitor(id, Optional.empty(), false));
                }
                default -> throw new BadOption("unknown option '" + args[i] + "' (try -help)");
            }
        }
        if (monitors.isEmpty()) {
            throw new BadOption("no monitor given: use -qmp or -chardev with -mon (try -help)");
        }
        return new Options(chardevs, monitors, Action.SERVE);
    }

    private static String value(String[] args, int i, String opt) throws BadOption {
        if (i >= args.length) {
            throw new BadOption(opt + " needs an argument (try -help)");
        }
        return args[i];
    }

    private static Map<String, String> keyValues(String text, String opt, String implied) throws BadOption {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = text.split(",", -1);
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            int eq = part.indexOf('=');
            if (eq < 0 && k == 0 && implied != null) {
                out.put(implied, part);
            } else if (eq <= 0) {
                throw new BadOption(opt + ": '" + part + "' is not KEY=VALUE");
            } else if (out.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
                throw new BadOption(opt + ": '" + part.substring(0, eq) + "' given twice");
            }
        }
        return out;
    }

    private static Chardev chardev(String text) throws BadOption {
        Map<String, String> kv = keyValues(text, "-chardev", "backend");
        if (!"socket".equals(kv.remove("backend"))) {
            throw new BadOption("-chardev: only the 'socket' backend is supported");
        }
        String id = kv.remove("id");
        if (id == null || !ExampleCommands.wellFormed(id)) {
            throw new BadOption("-chardev: 'id' missing or not an identifier");
        }
        SocketAddress address;
        String path = kv.remove("path");
        String host = kv.remove("host");
        String port = kv.remove("port");
        if (path != null && host == null && port == null) {
            address = UnixDomainSocketAddress.of(path);
        } else if (path == null && port != null) {
            address = new InetSocketAddress(host == null ? "0.0.0.0" : host, port(port, "-chardev"));
        } else {
            throw new BadOption("-chardev: give either path=PATH or host=HOST,port=PORT");
        }
        serverOnWaitOff(kv, "-chardev");
        if (!kv.isEmpty()) {
            throw new BadOption("-chardev: unsupported parameter '" + kv.keySet().iterator().next() + "'");
        }
        return new Chardev(id, address);
    }

    private static void serverOnWaitOff(Map<String, String> kv, String opt) throws BadOption {
        String server = kv.remove("server");
        String wait = kv.remove("wait");
        if (server != null && !server.equals("on")) {
            throw new BadOption(opt + ": only server=on is supported");
        }
        if (wait != null && !wait.equals("off")) {
            throw new BadOption(opt + ": only wait=off is supported");
        }
    }

    private static int port(String text, String opt) throws BadOption {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOption(opt + ": port '" + text + "' is not a number from 0 to 65535");
    }

    private static Monitor monitor(String text) throws BadOption {
        Map<String, String> kv = keyValues(text, "-mon", "chardev");
        String chardev = kv.remove("chardev");
        if (chardev == null) {
            throw new BadOption("-mon: 'chardev' missing");
        }
        String mode = kv.remove("mode");
        if (mode != null && !mode.equals("control")) {
            throw new BadOption("-mon: only mode=control (QMP) is supported");
        }
        String id = kv.remove("id");
        if (id != null && !ExampleCommands.wellFormed(id)) {
            throw new BadOption("-mon: id '" + id + "' is not an identifier");
        }
        String pretty = kv.remove("pretty");
        if (pretty != null && !pretty.equals("on") && !pretty.equals("off")) {
            throw new BadOption("-mon: pretty must be on or off");
        }
        if (!kv.isEmpty()) {
            throw new BadOption("-mon: unsupported parameter '" + kv.keySet().iterator().next() + "'");
        }
        return new Monitor(chardev, Optional.ofNullable(id), "on".equals(pretty));
    }

    private static SocketAddress shorthand(String text) throws BadOption {
        Map<String, String> kv = keyValues(text, "-qmp", "address");
        String address = kv.remove("address");
        serverOnWaitOff(kv, "-qmp");
        if (!kv.isEmpty()) {
            throw new BadOption("-qmp: unsupported parameter '" + kv.keySet().iterator().next() + "'");
        }
        if (address.startsWith("unix:")) {
            return UnixDomainSocketAddress.of(address.substring(5));
        }
        if (address.startsWith("tcp:")) {
            String hostPort = address.substring(4);
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                throw new BadOption("-qmp: tcp:HOST:PORT expected");
            }
            String host = hostPort.substring(0, colon);
            return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port(hostPort.substring(colon + 1), "-qmp"));
        }
        throw new BadOption("-qmp: unix:PATH or tcp:HOST:PORT expected");
    }
}

package dev.qapi.example;

import dev.qapi.example.qmp.AddFdArguments;
import dev.qapi.example.qmp.AddfdInfo;
import dev.qapi.example.qmp.FdsCommands;
import dev.qapi.example.qmp.FdsetFdInfo;
import dev.qapi.example.qmp.FdsetInfo;
import dev.qapi.example.qmp.RemoveFdArguments;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.fd.AttachedFds;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.FdSets;
import dev.qapi.runtime.fd.FileOpener;
import dev.qapi.runtime.fd.NamedFds;
import dev.qapi.runtime.server.QmpServer;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The descriptor commands ({@code getfd}, {@code closefd}, {@code add-fd}, {@code remove-fd},
 * {@code query-fdsets}) over the runtime's descriptor stores, with QEMU 10.0's behaviour: a command
 * that needs a descriptor takes the first one sent with it, and fails with QEMU's text when none was.
 * And the example's logs ({@code log-open}...), whose file name may be {@code /dev/fdset/N}.
 */
final class FdCommands implements FdsCommands {
    private final FdSets fdSets;
    private final Supplier<NamedFds> monitorFds;
    private final Supplier<AttachedFds> attached;
    private final Logs logs;

    /**
     * Commands on a server's stores, for the descriptors its clients send; the logs still open when the
     * server closes are closed with it.
     */
    FdCommands(QmpServer server) {
        this(server.fdSets(), server::monitorFds, server::attachedFds);
        server.onClose(logs);
    }

    /** Commands on the given stores; tests hand descriptors in through {@code attached}. */
    FdCommands(FdSets fdSets, Supplier<NamedFds> monitorFds, Supplier<AttachedFds> attached) {
        this.fdSets = fdSets;
        this.monitorFds = monitorFds;
        this.attached = attached;
        this.logs = new Logs(new FileOpener(fdSets));
    }

    private Fd received() {
        return attached.get().take()
                .orElseThrow(() -> QmpException.generic("No file descriptor supplied via SCM_RIGHTS"));
    }

    @Override
    public void getfd(String fdname) {
        monitorFds.get().put(fdname, received());
    }

    @Override
    public void closefd(String fdname) {
        monitorFds.get().close(fdname);
    }

    @Override
    public AddfdInfo addFd(AddFdArguments arguments) {
        FdSets.Added added = fdSets.add(received(),
                arguments.fdsetId().map(OptionalLong::of).orElse(OptionalLong.empty()), arguments.opaque());
        return new AddfdInfo(added.fdsetId(), added.fd());
    }

    @Override
    public void removeFd(RemoveFdArguments arguments) {
        fdSets.remove(arguments.fdsetId(), arguments.fd().map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    @Override
    public void logOpen(String id, String filename) {
        logs.open(id, filename);
    }

    @Override
    public void logWrite(String id, String text) {
        logs.write(id, text);
    }

    @Override
    public void logClose(String id) {
        logs.close(id);
    }

    @Override
    public List<FdsetInfo> queryFdsets() {
        return fdSets.query().stream()
                .map(set -> new FdsetInfo(set.fdsetId(), set.fds().stream()
                        .map(e -> new FdsetFdInfo(e.fd(), e.opaque()))
                        .toList()))
                .toList();
    }
}

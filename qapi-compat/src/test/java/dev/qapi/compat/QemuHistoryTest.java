package dev.qapi.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qapi.testsupport.SharedMaterial;
import dev.qapi.testsupport.Qemu;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real history: the {@code query-qmp-schema} data of Debian's QEMU 7.2, recorded from the installed binary
 * at test time (started and stopped by {@link Qemu}; the data is QEMU's, so it is never committed), compared with QEMU 10.0's schema files. Every breaking and deprecated-removal finding was
 * checked by hand against QEMU 10.0's {@code docs/about/removed-features.rst} (release of removal given
 * below); the notes are not pinned (new enum values, branches and deprecations come with every release).
 */
class QemuHistoryTest {
    /** The expected findings, each with the QEMU history that explains it. */
    private static final List<String> EXPECTED = List.of(
            // StatusInfo member singlestep: deprecated in 8.1 (by documentation), removed in 9.0
            "breaking: query-status/ret-type/singlestep: member-removed",
            // MigrationStats member skipped: removed in 9.1
            "breaking: query-migrate/ret-type/ram/skipped: member-removed",
            // the compress and block migration capabilities: removed in 9.1
            "breaking: migrate-set-capabilities/arg-type/capabilities/capability/^compress: enum-value-removed",
            "breaking: migrate-set-capabilities/arg-type/capabilities/capability/^block: enum-value-removed",
            // migrate-set-parameters compress-level, compress-threads, compress-wait-thread, decompress-threads,
            // block-incremental: removed in 9.1
            "breaking: migrate-set-parameters/arg-type/compress-level: member-removed",
            "breaking: migrate-set-parameters/arg-type/compress-threads: member-removed",
            "breaking: migrate-set-parameters/arg-type/compress-wait-thread: member-removed",
            "breaking: migrate-set-parameters/arg-type/decompress-threads: member-removed",
            "breaking: migrate-set-parameters/arg-type/block-incremental: member-removed",
            // migrate options blk and inc: removed in 9.1
            "breaking: migrate/arg-type/blk: member-removed",
            "breaking: migrate/arg-type/inc: member-removed",
            // vcpu trace events: removed in 9.1, with the vcpu members of the trace commands
            "breaking: trace-event-get-state/arg-type/vcpu: member-removed",
            "breaking: trace-event-get-state/ret-type/vcpu: member-removed",
            "breaking: trace-event-set-state/arg-type/vcpu: member-removed",
            // property loaded of secret and TLS credential objects, deprecated in 7.2's schema: removed in 9.2
            "deprecated-removal: object-add/arg-type/+secret/loaded: member-removed",
            "deprecated-removal: object-add/arg-type/+secret_keyring/loaded: member-removed",
            "deprecated-removal: object-add/arg-type/+tls-creds-anon/loaded: member-removed",
            "deprecated-removal: object-add/arg-type/+tls-creds-psk/loaded: member-removed",
            "deprecated-removal: object-add/arg-type/+tls-creds-x509/loaded: member-removed",
            // SevInfo became a union on sev-type in 9.1: policy and handle only for sev guests, not sev-snp
            "breaking: query-sev/ret-type/policy: member-moved-to-branches",
            "breaking: query-sev/ret-type/handle: member-moved-to-branches",
            // query-sgx member section-size, deprecated in 7.2's schema: removed in 8.0; query-sgx-capabilities
            // returns the same SgxInfo, so the one finding names its path too
            "deprecated-removal: query-sgx/ret-type/section-size: member-removed;"
                    + " also affects: query-sgx-capabilities/ret-type/section-size",
            // pvrdma and the RDMA subsystem: removed in 9.1
            "breaking: RDMA_GID_STATUS_CHANGED: event-removed",
            // MEM_UNPLUG_ERROR, deprecated in 7.2's schema: removed in 9.1
            "deprecated-removal: MEM_UNPLUG_ERROR: event-removed");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void qemu72IntrospectionAgainstQemu10SchemaFindsOnlyWhatQemuRemoved() throws Exception {
        Path qemu10 = SharedMaterial.qemuSchemaDir();
        try (Qemu qemu = Qemu.serve()) {
            Files.writeString(dir.resolve("qemu-7.2.json"), recordSchema(qemu.socket()));
        }
        WireSchema old = CompatInput.load(dir, "qemu-7.2.json", null);
        WireSchema neu = CompatInput.load(qemu10, "qapi-schema.json", null);
        CompatReport report = CompatReport.compare(old, neu, CompatOptions.DEFAULT);
        List<String> serious = new ArrayList<>();
        for (String line : Cases.brief(report.findings())) {
            if (!line.startsWith("note: ")) {
                serious.add(line);
            }
        }
        assertEquals(EXPECTED, serious);
        // a sample of the notes, checked too: values and branches QEMU added since, with every command and
        // event that sees them (MigrationStatus is also the MIGRATION event's status; ChardevBackend is also
        // chardev-change's argument; StatsProvider is also in query-stats-schemas' reply; the deprecated
        // value zero-blocks is sent by migrate-set-capabilities and received from query-migrate-capabilities)
        List<String> all = Cases.brief(report.findings());
        assertTrue(all.contains("note: query-migrate/ret-type/status/^postcopy-recover-setup: enum-value-added;"
                + " also affects: MIGRATION/arg-type/status/^postcopy-recover-setup"));
        assertTrue(all.contains("note: query-memory-devices/ret-type/+hv-balloon: branch-added"));
        assertTrue(all.contains("note: chardev-add/arg-type/backend/+socket/data/reconnect: deprecated-added;"
                + " also affects: chardev-change/arg-type/backend/+socket/data/reconnect"));
        assertTrue(all.contains("note: query-stats/ret-type/provider/^cryptodev: enum-value-added;"
                + " also affects: query-stats-schemas/ret-type/provider/^cryptodev"));
        assertTrue(all.contains("note: migrate-set-capabilities/arg-type/capabilities/capability/^zero-blocks:"
                + " deprecated-added; also affects: query-migrate-capabilities/ret-type/capability/^zero-blocks"));
        assertEquals("70 findings: 17 breaking, 7 deprecated-removal, 0 java-source-only, 46 note, on 110 wire paths",
                report.summary());
        // the recorded data against itself is clean
        assertEquals(List.of(), CompatReport.compare(old, old, new CompatOptions(true)).findings());
    }

    /**
     * QEMU's reply to {@code query-qmp-schema}, one line of JSON ({@link IntrospectionWire} takes it whole).
     * Plain lines on a socket rather than qapi-client: this module's tests stay clear of the client.
     */
    private static String recordSchema(Path socket) throws IOException, InterruptedException {
        try (SocketChannel channel = connect(socket)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(channel);
            in.readLine(); // greeting
            out.write("{\"execute\": \"qmp_capabilities\"}\n".getBytes(StandardCharsets.UTF_8));
            reply(in);
            out.write("{\"execute\": \"query-qmp-schema\"}\n".getBytes(StandardCharsets.UTF_8));
            return reply(in);
        }
    }

    /** The next line that is a reply, not an event. */
    private static String reply(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("{\"return\"") || line.startsWith("{\"error\"")) {
                return line;
            }
        }
        throw new IOException("QEMU closed the QMP connection");
    }

    /** QEMU creates the socket's file just before it listens: retry a refused connection for up to 10 s. */
    private static SocketChannel connect(Path socket) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return channel;
            } catch (ConnectException e) {
                channel.close();
                if (attempt == 200) {
                    throw new IOException("QEMU does not accept on " + socket + " after 10 s", e);
                }
                Thread.sleep(50);
            }
        }
    }
}

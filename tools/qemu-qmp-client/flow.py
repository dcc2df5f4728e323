#!/usr/bin/env python3
"""Drive the on-demand monitor flow through QEMU's own Python QMP client library (qemu.qmp).

    python3 flow.py MAIN_SOCKET WORK_DIR

MAIN_SOCKET is the example server's -qmp socket.  The library is found on PYTHONPATH, or under
$QEMU_SOURCE/python (tools/qemu-source prints such a directory).  Exit status: 0 when the flow
works, 1 when it does not, 77 when qemu.qmp cannot be imported (the caller skips).
"""
import asyncio
import os
import sys

if os.environ.get("QEMU_SOURCE"):
    sys.path.insert(0, os.path.join(os.environ["QEMU_SOURCE"], "python"))
try:
    from qemu.qmp import QMPClient, ExecuteError
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"qemu.qmp not available: {e}", file=sys.stderr)
    sys.exit(77)


async def flow(main_socket: str, work_dir: str) -> None:
    extra = os.path.join(work_dir, "extra.sock")
    a = QMPClient("vmspawn")
    await a.connect(main_socket)
    await a.execute("chardev-add", {
        "id": "extra",
        "backend": {"type": "socket",
                    "data": {"addr": {"type": "unix", "data": {"path": extra}},
                             "server": True, "wait": False}}})
    await a.execute("monitor-add", {"chardev": "extra", "id": "raw"})

    b = QMPClient("raw-client")
    await b.connect(extra)          # greeting and qmp_capabilities, as against QEMU
    monitors = await b.execute("query-monitors")
    ids = sorted(m["id"] for m in monitors)
    assert "raw" in ids and len(ids) == 2, monitors
    version = await b.execute("query-version")
    assert "qemu" in version, version
    schema = await b.execute("query-qmp-schema")
    assert any(e["name"] == "monitor-add" for e in schema)

    try:
        await a.execute("monitor-add", {"chardev": "extra", "id": "raw"})
        raise AssertionError("duplicate id accepted")
    except ExecuteError as e:
        assert e.error.error.desc == "monitor 'raw' already exists", e.error

    await a.execute("monitor-remove", {"id": "raw"})
    try:
        await b.disconnect()        # the server dropped B: its reader saw end of file
    except EOFError:
        pass
    await a.execute("chardev-remove", {"id": "extra"})
    await a.disconnect()
    print("qemu.qmp flow: ok (monitors seen by the new session: %s)" % ", ".join(ids))


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        asyncio.run(asyncio.wait_for(flow(sys.argv[1], sys.argv[2]), 30))
    except Exception as e:  # report, don't dump a trace
        print(f"qemu.qmp flow failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Pass descriptors to a QMP server through QEMU's own Python client library (qemu.qmp, send_fd_scm).

    python3 fds.py SOCKET

Works against QEMU itself and against qapi-java's example server: getfd with a descriptor, closefd,
getfd without one (QEMU's error), add-fd / query-fdsets / remove-fd.  Exit status: 0 when all works,
1 when not, 77 when qemu.qmp cannot be imported (the caller skips).
"""
import asyncio
import os
import sys

if os.environ.get("QEMU_SOURCE"):
    sys.path.insert(0, os.path.join(os.environ["QEMU_SOURCE"], "python"))
try:
    from qemu.qmp import ExecuteError, QMPClient
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"qemu.qmp not available: {e}", file=sys.stderr)
    sys.exit(77)


async def expect_error(client, command, args, desc):
    try:
        await client.execute(command, args)
    except ExecuteError as e:
        assert e.error.error.desc == desc, e.error
        return
    raise AssertionError(f"{command} succeeded")


async def fds(socket_path: str) -> None:
    client = QMPClient("fd-passer")
    await client.connect(socket_path)
    with open("/dev/null", "rb") as f:
        client.send_fd_scm(f.fileno())
        await client.execute("getfd", {"fdname": "null"})
        await client.execute("closefd", {"fdname": "null"})
        await expect_error(client, "closefd", {"fdname": "null"}, "File descriptor named 'null' not found")
        await expect_error(client, "getfd", {"fdname": "none"}, "No file descriptor supplied via SCM_RIGHTS")

        client.send_fd_scm(f.fileno())
        added = await client.execute("add-fd", {"opaque": "null"})
        sets = await client.execute("query-fdsets")
        assert {"fdset-id": added["fdset-id"], "fds": [{"fd": added["fd"], "opaque": "null"}]} in sets, sets
        await client.execute("remove-fd", {"fdset-id": added["fdset-id"], "fd": added["fd"]})
        assert all(s["fdset-id"] != added["fdset-id"] for s in await client.execute("query-fdsets"))
    await client.disconnect()
    print("qemu.qmp passed descriptors: getfd, closefd, add-fd, query-fdsets, remove-fd")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        asyncio.run(asyncio.wait_for(fds(sys.argv[1]), 30))
    except (AssertionError, ExecuteError, OSError, asyncio.TimeoutError) as e:
        print(f"descriptor passing failed: {e!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""QEMU's own Python client (qemu.qmp, from $QEMU_SOURCE/python) as tools/bench/client/run.sh runs it.

    qemu_qmp_bench.py pingpong SOCKET WARMUP_MS MEASURE_MS
    qemu_qmp_bench.py pipeline SOCKET WARMUP_MS MEASURE_MS INFLIGHT

Prints "responses=N secs=S rps=R". Exit 77 when qemu.qmp cannot be imported.
"""
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.join(os.environ.get("QEMU_SOURCE", "/tmp/qemu-10.0"), "python"))
try:
    from qemu.qmp import QMPClient
except ImportError as e:  # pragma: no cover - depends on the machine
    print(f"qemu.qmp not available: {e}", file=sys.stderr)
    sys.exit(77)


async def run(mode, socket, warmup_ms, measure_ms, inflight):
    qmp = QMPClient("bench")
    await qmp.connect(socket)
    done = 0
    stop = False

    async def worker():
        nonlocal done
        while not stop:
            await qmp.execute("query-version")
            done += 1

    workers = [asyncio.create_task(worker()) for _ in range(1 if mode == "pingpong" else inflight)]
    await asyncio.sleep(warmup_ms / 1000)
    n0, t0 = done, time.monotonic()
    await asyncio.sleep(measure_ms / 1000)
    n1, t1 = done, time.monotonic()
    stop = True
    await asyncio.gather(*workers)
    await qmp.disconnect()
    secs = t1 - t0
    print(f"responses={n1 - n0} secs={secs:.3f} rps={(n1 - n0) / secs:.0f}")


def main():
    if len(sys.argv) < 5 or sys.argv[1] not in ("pingpong", "pipeline"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    inflight = int(sys.argv[5]) if len(sys.argv) > 5 else 256
    asyncio.run(run(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), inflight))


if __name__ == "__main__":
    main()

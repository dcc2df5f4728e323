#!/usr/bin/env python3
"""Record (or, with --check, re-run and compare) the QMP differential test corpus.

Each case of cases.py runs against a fresh QEMU with a QMP monitor on a Unix socket: the case's raw
bytes are sent, and every byte QEMU sends back is recorded, framed into messages, into
qapi-runtime/src/test/resources/qmp-diff/<case>.json. See README.md for the format.

    python3 tools/qmp-diff/record.py              # re-record every case
    python3 tools/qmp-diff/record.py --check      # re-run every case, diff against the stored files
    python3 tools/qmp-diff/record.py -k NAME ...  # only these cases
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import casedsl  # noqa: E402
import cases as case_defs  # noqa: E402
import cases_fds  # noqa: E402
from qmpwire import parse, qdict_ordered, qemu_message, split_messages, to_text  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(REPO, "qapi-runtime", "src", "test", "resources", "qmp-diff")
# The descriptor-passing corpus needs the example server's fd commands, so its replay lives there.
FDS_OUT_DIR = os.path.join(REPO, "generated-example", "src", "test", "resources", "qmp-diff-fds")
FORMAT_VERSION = 1
TARGET = "QEMU 10.0.13"
JSON_EMBED_MAX_DEPTH = 64

sys.setrecursionlimit(20000)


class CaseFailure(Exception):
    pass


# --- running QEMU ----------------------------------------------------------------------------

def monitor_args(monitor: str, sock: str):
    if monitor == "qmp":
        return ["-qmp", f"unix:{sock},server=on,wait=off"]
    if monitor == "pretty":
        return ["-chardev", f"socket,id=qmp0,path={sock},server=on,wait=off",
                "-mon", "chardev=qmp0,mode=control,pretty=on"]
    raise ValueError(monitor)


def qemu_command(qemu: str, monitor: str, sock: str):
    return [qemu, "-machine", "none", "-display", "none", "-nodefaults"] + monitor_args(monitor, sock)


SYS_PPOLL = 271  # x86_64


def main_thread_syscall(pid):
    try:
        with open(f"/proc/{pid}/syscall") as fh:
            return fh.read().split()[0]
    except (OSError, IndexError):
        return None


def wait_ready(proc, sock, timeout=10):
    """Wait until QEMU sits in its main loop. Connecting while QEMU still initialises races with
    the monitor's set-up: QEMU 7.2 can then send the RESUME event of the VM start before the
    greeting (the monitor's command list is only set at the first OPENED), or send the greeting
    twice. So wait for the socket and for the main thread to block in ppoll(), the main loop's
    only blocking call, twice in a row; where /proc/PID/syscall cannot be read, wait 300 ms."""
    deadline = time.monotonic() + timeout
    streak = 0
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CaseFailure(f"QEMU exited during start-up with status {proc.returncode}")
        if os.path.exists(sock):
            state = main_thread_syscall(proc.pid)
            if state is None:
                time.sleep(0.3)
                return
            streak = streak + 1 if state == str(SYS_PPOLL) else 0
            if streak >= 2:
                return
        time.sleep(0.005)
    raise CaseFailure("QEMU did not reach its main loop")


class Client:
    def __init__(self, sock_path):
        self.buf = b""
        self.eof = False
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(sock_path)

    def _recv(self, timeout):
        """One recv with a timeout; returns False on timeout."""
        self.sock.settimeout(max(timeout, 0.0001))
        try:
            data = self.sock.recv(1 << 20)
        except socket.timeout:
            return False
        if data:
            self.buf += data
        else:
            self.eof = True
        return True

    def read_count(self, count, timeout):
        deadline = time.monotonic() + timeout
        while True:
            msgs, rest = split_messages(self.buf)
            if len(msgs) >= count:
                self.buf = b"".join(msgs[count:]) + rest
                return msgs[:count]
            if self.eof:
                raise CaseFailure(f"EOF after {len(msgs)} of {count} messages (rest {rest!r:.200})")
            left = deadline - time.monotonic()
            if left <= 0 or not self._recv(left):
                raise CaseFailure(f"timeout: {len(msgs)} of {count} messages (rest {rest!r:.200})")

    def read_until_quiet(self, quiet):
        while not self.eof and self._recv(quiet):
            pass
        msgs, rest = split_messages(self.buf)
        if rest.strip():
            raise CaseFailure(f"partial message after quiet period: {rest!r:.200}")
        self.buf = rest
        return msgs

    def read_eof(self, timeout):
        deadline = time.monotonic() + timeout
        while not self.eof:
            left = deadline - time.monotonic()
            if left <= 0 or not self._recv(left):
                raise CaseFailure("timeout waiting for EOF")
        msgs, rest = split_messages(self.buf)
        if rest:
            raise CaseFailure(f"partial message before EOF: {rest!r:.200}")
        self.buf = b""
        return msgs

    def quiet(self, ms):
        if self.buf:
            raise CaseFailure(f"unread output: {self.buf!r:.200}")
        if not self.eof:
            self._recv(ms / 1000)
        if self.buf or self.eof:
            raise CaseFailure(f"expected silence, got {'EOF' if self.eof else repr(self.buf)[:200]}")


# --- recording one case ----------------------------------------------------------------------

def json_depth(v):
    if isinstance(v, dict):
        return 1 + max((json_depth(x) for x in v.values()), default=0)
    if isinstance(v, list):
        return 1 + max((json_depth(x) for x in v), default=0)
    return 0


def pointer_diff(a, b, path=""):
    """JSON pointers (RFC 6901) of the leaves where a and b differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in list(a) + [k for k in b if k not in a]:
            p = path + "/" + k.replace("~", "~0").replace("/", "~1")
            if k not in a or k not in b:
                out.append(p)
            else:
                out += pointer_diff(a[k], b[k], p)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += pointer_diff(x, y, f"{path}/{i}")
        return out
    return [] if strict_equal(a, b) else [path]


def strict_equal(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


# Descriptor numbers depend on the server's descriptor table: in the fds corpus they are recorded as
# @fdN@ ("fd": N members and the "fd:N" of remove-fd's error text). add-fd's reply
# ({"return": {"fd": N, "fdset-id": S}}) always starts a new N (a closed number may come back for a
# new descriptor, and servers need not reuse numbers alike); other occurrences name the descriptor
# that number has at that moment. Sends may use @fdN@ to refer back to them.
FD_PATTERNS = [re.compile(rb'("fd": )(\d+)'), re.compile(rb"(fd:)(\d+)")]
FD_PLACEHOLDER = re.compile(rb"@fd(\d+)@")
ADD_FD_REPLY = re.compile(rb'\{"return": \{"fd": (\d+), "fdset-id": \d+\}\}')
NEXT = -1  # fdmap's key for the next free N


def _fd_index(fdmap, number, fresh=False):
    if fresh or number not in fdmap:
        fdmap[number] = fdmap.get(NEXT, 0)
        fdmap[NEXT] = fdmap[number] + 1
    return fdmap[number]


def normalise_fds(raw: bytes, fdmap) -> bytes:
    m = ADD_FD_REPLY.match(raw)
    if m:
        _fd_index(fdmap, int(m.group(1)), fresh=True)

    def sub(m):
        return m.group(1) + b"@fd%d@" % _fd_index(fdmap, int(m.group(2)))
    for pattern in FD_PATTERNS:
        raw = pattern.sub(sub, raw)
    return raw


def normalise_fds_json(v, fdmap):
    if isinstance(v, dict):
        return {k: ("@fd%d@" % fdmap[x] if k == "fd" and type(x) is int and x in fdmap
                    else normalise_fds_json(x, fdmap)) for k, x in v.items()}
    if isinstance(v, list):
        return [normalise_fds_json(x, fdmap) for x in v]
    if isinstance(v, str):
        return normalise_fds(v.encode(), fdmap).decode()
    return v


def substitute_fds(data: bytes, fdmap) -> bytes:
    numbers = {i: n for n, i in fdmap.items() if n != NEXT}
    return FD_PLACEHOLDER.sub(lambda m: b"%d" % numbers[int(m.group(1))], data)


def message_record(raw: bytes, pretty: bool, expectation, surprises, where, fdmap=None):
    value, ok = parse(raw)
    if fdmap is not None:
        normalised = normalise_fds(raw, fdmap)
        if normalised != raw or casedsl.split_expectation(expectation)["msg10"] is not None:
            rec = message_record(raw, pretty, None, surprises, where)
            rec["raw"] = to_text(normalised)
            if "json" in rec:
                rec["json"] = normalise_fds_json(rec["json"], fdmap)
            if normalised != raw:
                rec["descriptors-normalised"] = True
            return _fd_expectation(rec, expectation, surprises, where, pretty)
    rec = {"raw": to_text(raw)}
    if not ok:
        rec["valid-json"] = False
    elif json_depth(value) <= JSON_EMBED_MAX_DEPTH:
        rec["json"] = value
    rec["exact"] = True
    # Self-check: QEMU's writer, reimplemented, must reproduce the bytes from the parsed form.
    if ok and qemu_message(value, pretty, reorder=False) != raw:
        surprises.append(f"{where}: writer self-check failed for {raw!r:.300}")
    if ok and not qdict_ordered(value):
        surprises.append(f"{where}: key order is not QDict bucket order in {raw!r:.300}")

    parts = casedsl.split_expectation(expectation)
    exp72, exp10, note = parts["exp72"], parts["msg10"], parts["note"]
    if parts["desc-any-of"]:
        rec["exact"] = False
        rec["desc-any-of"] = parts["desc-any-of"]
    if exp72 is not None:
        problem = casedsl.mismatch(exp72, value, raw)
        if problem:
            surprises.append(f"{where}: notes predict {problem}; QEMU 7.2 sent {raw!r:.400}")
    if ok and exp10 is None:
        exp10 = casedsl.version_dependent_10(value)
    if exp10 is not None:
        raw10 = qemu_message(exp10, pretty, reorder=False)
        value10, _ = parse(raw10)
        if raw10 != raw:
            rec["version-dependent"] = pointer_diff(value, value10) if ok else [""]
            rec["qemu-10.0"] = {"raw": to_text(raw10), "json": value10}
    if note:
        rec["note"] = note
    return rec


def _fd_expectation(rec, expectation, surprises, where, pretty):
    """Checks a normalised message against its expectation (written with "@fdN@" strings)."""
    parts = casedsl.split_expectation(expectation)
    if parts["exp72"] is not None and "json" in rec:
        problem = casedsl.mismatch(parts["exp72"], rec["json"], rec["raw"].encode("latin-1"))
        if problem:
            surprises.append(f"{where}: notes predict {problem}; QEMU 7.2 sent {rec['raw']!r:.400}")
    if parts["msg10"] is not None:
        raw10 = re.sub(rb'"(@fd\d+@)"', rb"\1", qemu_message(parts["msg10"], pretty, reorder=True))
        if raw10 != rec["raw"].encode("latin-1"):
            rec["version-dependent"] = pointer_diff(rec["json"], parts["msg10"])
            rec["qemu-10.0"] = {"raw": to_text(raw10), "json": parse(re.sub(rb"(@fd\d+@)", rb'"\1"', raw10))[0]}
    if parts["note"]:
        rec["note"] = parts["note"]
    return rec


def send_with_fds(sock, data: bytes, count: int):
    """Sends data with count fresh descriptors (/dev/null) attached; ours are closed afterwards."""
    fds = [os.open("/dev/null", os.O_RDONLY | os.O_CLOEXEC) for _ in range(count)]
    try:
        sent = socket.send_fds(sock, [data], fds)
        if data:
            sock.sendall(data[sent:])
    finally:
        for fd in fds:
            os.close(fd)


def run_case(case, qemu, check_only=False):
    """Run one case against a fresh QEMU; returns (recording, surprises)."""
    fd, sock = tempfile.mkstemp(prefix="qd-", suffix=".sock", dir="/tmp")
    os.close(fd)
    os.unlink(sock)
    argv = qemu_command(qemu, case["monitor"], sock)
    errlog = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=errlog, stderr=errlog)
    clients = {}
    surprises = []
    steps_out = []
    pretty = case["monitor"] == "pretty"
    fdmap = {} if case.get("fds") else None
    try:
        wait_ready(proc, sock)
        for n, step in enumerate(case["steps"]):
            op = step["op"]
            name = step.get("client", "a")
            where = f"{case['name']} step {n}"
            out = {"op": op, "client": name}
            if op == "connect":
                if name in clients:
                    raise CaseFailure(f"{where}: client {name} already connected")
                clients[name] = Client(sock)
            elif op == "send":
                data = step["data"] if fdmap is None else substitute_fds(step["data"], fdmap)
                if step.get("fds"):
                    send_with_fds(clients[name].sock, data, step["fds"])
                else:
                    clients[name].sock.sendall(data)
                out["data"] = to_text(step["data"])
                if step.get("fds"):
                    out["fds"] = step["fds"]
            elif op == "shutdown-write":
                clients[name].sock.shutdown(socket.SHUT_WR)
            elif op == "close":
                clients.pop(name).sock.close()
            elif op == "pause":
                del out["client"]
                out["ms"] = step["ms"]
                time.sleep(step["ms"] / 1000)
            elif op == "quiet":
                out["ms"] = step["ms"]
                clients[name].quiet(step["ms"])
            elif op == "read":
                c = clients[name]
                expect = step.get("expect")
                if step.get("until") == "eof":
                    msgs = c.read_eof(step["timeout-ms"] / 1000)
                    out["until"] = "eof"
                elif expect is None:
                    msgs = c.read_until_quiet(step["quiet-ms"] / 1000)
                    out["count"] = len(msgs)
                else:
                    msgs = c.read_count(len(expect), step["timeout-ms"] / 1000)
                    out["count"] = len(msgs)
                out["timeout-ms"] = step["timeout-ms"]
                if expect is not None and len(expect) != len(msgs):
                    surprises.append(f"{where}: notes predict {len(expect)} messages, got {len(msgs)}")
                out["messages"] = [
                    message_record(m, pretty, expect[i] if expect and i < len(expect) else None,
                                   surprises, f"{where} message {i}", fdmap)
                    for i, m in enumerate(msgs)]
                if step.get("until") == "eof":
                    out["eof"] = True
                    clients.pop(name).sock.close()
            else:
                raise ValueError(f"{where}: unknown op {op}")
            steps_out.append(out)
        if proc.poll() is not None:
            raise CaseFailure(f"QEMU exited with status {proc.returncode}")
    except (CaseFailure, OSError) as e:
        errlog.seek(0)
        got = "".join(f"\n  step {i}: {s['op']} {s.get('client', '')} "
                      + " | ".join(m["raw"].strip() for m in s.get("messages", []))[:300]
                      for i, s in enumerate(steps_out))
        raise CaseFailure(f"{case['name']}: {e}\nQEMU output: {errlog.read().decode(errors='replace')}"
                          f"\nsteps done:{got}") from e
    finally:
        for c in clients.values():
            c.sock.close()
        proc.kill()
        proc.wait()
        errlog.close()
        if os.path.exists(sock):
            os.unlink(sock)
    rec = {
        "format": FORMAT_VERSION,
        "name": case["name"],
        "description": case["description"],
        "monitor": case["monitor"],
        "qemu-args": qemu_command("qemu-system-x86_64", case["monitor"], "{socket}")[1:],
        "recorded-with": QEMU_VERSION,
        "target": TARGET,
        "steps": steps_out,
    }
    return rec, surprises


# --- output format ---------------------------------------------------------------------------

def dumps(v):
    return json.dumps(v, ensure_ascii=True, separators=(", ", ": "))


def render(rec) -> str:
    """One field per line, one step per line, one message per line: readable diffs."""
    lines = ["{"]
    keys = list(rec)
    for i, k in enumerate(keys):
        comma = "," if i + 1 < len(keys) else ""
        if k != "steps":
            lines.append(f"  {dumps(k)}: {dumps(rec[k])}{comma}")
            continue
        lines.append('  "steps": [')
        for j, step in enumerate(rec["steps"]):
            scomma = "," if j + 1 < len(rec["steps"]) else ""
            if "messages" not in step:
                lines.append(f"    {dumps(step)}{scomma}")
                continue
            head = {k2: v2 for k2, v2 in step.items() if k2 != "messages"}
            lines.append("    " + dumps(head)[:-1] + ', "messages": [')
            for m, msg in enumerate(step["messages"]):
                mcomma = "," if m + 1 < len(step["messages"]) else ""
                lines.append(f"      {dumps(msg)}{mcomma}")
            lines.append(f"    ]}}{scomma}")
        lines.append(f"  ]{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def qemu_version(qemu):
    out = subprocess.run([qemu, "--version"], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[0].strip()


QEMU_VERSION = None


def main():
    global QEMU_VERSION
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-run and compare with the stored recordings")
    ap.add_argument("-k", "--case", action="append", help="run only this case (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=4, help="cases run in parallel (default 4)")
    ap.add_argument("--qemu", default=os.environ.get("QEMU", "/usr/bin/qemu-system-x86_64"))
    ap.add_argument("--corpus", choices=["wire", "fds"], default="wire",
                    help="wire: the 69 protocol cases (default); fds: descriptor passing")
    ap.add_argument("--out")
    args = ap.parse_args()
    if args.out is None:
        args.out = FDS_OUT_DIR if args.corpus == "fds" else OUT_DIR

    QEMU_VERSION = qemu_version(args.qemu)
    all_cases = cases_fds.CASES if args.corpus == "fds" else case_defs.CASES
    names = [c["name"] for c in all_cases]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit(f"duplicate case names: {sorted(dup)}")
    selected = [c for c in all_cases if not args.case or c["name"] in args.case]
    if args.case and len(selected) != len(set(args.case)):
        sys.exit(f"unknown case(s): {sorted(set(args.case) - set(names))}")

    t0 = time.monotonic()
    results = {}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futs = {pool.submit(run_case, c, args.qemu): c["name"] for c in selected}
        try:
            for f in concurrent.futures.as_completed(futs):
                try:
                    results[futs[f]] = f.result()
                except CaseFailure as e:
                    failures.append(str(e))
        except KeyboardInterrupt:
            # cases not started are dropped; running ones end and kill their QEMU (finally)
            for f in futs:
                f.cancel()
            raise
    for f in failures:
        print("FAILED", f, file=sys.stderr)

    surprises = [s for c in selected if c["name"] in results for s in results[c["name"]][1]]
    for s in surprises:
        print("SURPRISE", s, file=sys.stderr)

    differences = 0
    index_text = render_index(all_cases)
    if args.check:
        for c in selected:
            if c["name"] not in results:
                continue
            path = os.path.join(args.out, c["name"] + ".json")
            new = render(results[c["name"]][0])
            old = open(path).read() if os.path.exists(path) else ""
            if old != new:
                differences += 1
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), new.splitlines(True), path, "re-run", n=1))
        index_path = os.path.join(args.out, "index.json")
        if not args.case and (not os.path.exists(index_path) or open(index_path).read() != index_text):
            differences += 1
            print(f"{index_path} is out of date")
        if not args.case:
            stale = sorted(set(os.listdir(args.out)) - {n + ".json" for n in names} - {"index.json"}) \
                if os.path.isdir(args.out) else []
            for s in stale:
                differences += 1
                print(f"stale recording: {s}")
    else:
        os.makedirs(args.out, exist_ok=True)
        for c in selected:
            if c["name"] in results:
                with open(os.path.join(args.out, c["name"] + ".json"), "w") as fh:
                    fh.write(render(results[c["name"]][0]))
        if not args.case:
            with open(os.path.join(args.out, "index.json"), "w") as fh:
                fh.write(index_text)
    msgs = sum(len(s.get("messages", [])) for r, _ in results.values() for s in r["steps"])
    print(f"{len(results)}/{len(selected)} cases, {msgs} messages, {len(surprises)} surprises, "
          f"{differences} differences, {time.monotonic() - t0:.1f}s", file=sys.stderr)
    sys.exit(1 if failures or differences else 0)


def render_index(all_cases):
    index = {"format": FORMAT_VERSION, "recorded-with": QEMU_VERSION, "target": TARGET,
             "cases": [c["name"] for c in all_cases]}
    return json.dumps(index, indent=2, ensure_ascii=True) + "\n"


if __name__ == "__main__":
    main()

"""The little language cases.py is written in: steps (what the client does) and expectations (what
the wire notes predict QEMU 10.0 answers). record.py records what QEMU really sends; an expectation
only serves to report where QEMU 7.2 disagrees with the notes, and (V10) to give the 10.0 bytes where
the two versions differ."""

import copy

MISSING = object()

NEGOTIATION_DESC = "Expecting capabilities negotiation with 'qmp_capabilities'"
CAPS = b'{"execute": "qmp_capabilities"}\n'
CAPS_OOB = b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}\n'
# The recovery probe of QEMU's qmp-test (assert_recovered).
PROBE = b'{"execute": "no-such-cmd"}\n'
VERSION_10 = {"qemu": {"micro": 13, "minor": 0, "major": 10}, "package": ""}


# --- steps -----------------------------------------------------------------------------------

def connect(client="a"):
    return [{"op": "connect", "client": client}]


def send(data: bytes, client="a", fds=0):
    """One write; with fds, that many descriptors (of /dev/null) ride along (SCM_RIGHTS)."""
    assert isinstance(data, bytes)
    step = {"op": "send", "client": client, "data": data}
    if fds:
        step["fds"] = fds
    return [step]


def send_bytewise(data: bytes, client="a", pause_ms=0):
    """One write per byte (with pause_ms between writes, so that they reach QEMU separately)."""
    steps = []
    for i in range(len(data)):
        if i and pause_ms:
            steps += pause(pause_ms)
        steps += send(data[i:i + 1], client)
    return steps


def shutdown_write(client="a"):
    return [{"op": "shutdown-write", "client": client}]


def close(client="a"):
    return [{"op": "close", "client": client}]


def pause(ms):
    return [{"op": "pause", "ms": ms}]


def quiet(ms=300, client="a"):
    """Nothing (no byte, no EOF) arrives within ms."""
    return [{"op": "quiet", "client": client, "ms": ms}]


def read(*expect, client="a", timeout_ms=5000):
    """Read exactly len(expect) messages; each expectation is checked against the notes."""
    return [{"op": "read", "client": client, "expect": list(expect), "timeout-ms": timeout_ms}]


def read_all(client="a", quiet_ms=500, timeout_ms=5000):
    """Read messages until nothing more arrives for quiet_ms (the recording keeps the count)."""
    return [{"op": "read", "client": client, "expect": None, "quiet-ms": quiet_ms,
             "timeout-ms": timeout_ms}]


def read_eof(*expect, client="a", timeout_ms=5000):
    """Read messages until QEMU closes the connection; there must be len(expect) of them."""
    return [{"op": "read", "client": client, "expect": list(expect), "until": "eof",
             "timeout-ms": timeout_ms}]


def start(client="a"):
    """Connect and read the greeting."""
    return connect(client) + read(GREETING, client=client)


def negotiate(oob=False, client="a"):
    return send(CAPS_OOB if oob else CAPS, client) + read(OK(), client=client)


def probe(negotiated, client="a"):
    """QEMU qmp-test's assert_recovered: an unknown command must get its CommandNotFound."""
    return send(PROBE, client) + read(
        CNF("The command no-such-cmd has not been found") if negotiated else CNF(NEGOTIATION_DESC),
        client=client)


def case(name, description, *steps, monitor="qmp", fds=False):
    """A case; every client still connected at the end must then stay silent for 300 ms."""
    flat = [s for group in steps for s in group]
    open_clients = []
    for s in flat:
        if s["op"] == "connect":
            open_clients.append(s["client"])
        elif s["op"] == "close" or s.get("until") == "eof":
            open_clients.remove(s["client"])
    for c in open_clients:
        flat += quiet(300, c)
    out = {"name": name, "description": description, "monitor": monitor, "steps": flat}
    if fds:
        out["fds"] = True
    return out


# --- expectations ----------------------------------------------------------------------------

class Pred:
    def __init__(self, what, fn):
        self.what = what
        self.fn = fn

    def __repr__(self):
        return self.what


class V10:
    """QEMU 7.2 and 10.0 differ: exp72 is checked against the recording (None: not checked), and
    msg10 (a message, keys in QEMU's output order) is what 10.0 sends instead."""

    def __init__(self, exp72, msg10, note):
        self.exp72, self.msg10, self.note = exp72, msg10, note


class Loose:
    """A message whose bytes a conforming server need not reproduce: the recording gets
    "exact": false and "desc-any-of" (the descs a server may send instead)."""

    def __init__(self, exp, desc_any_of, note):
        self.exp, self.desc_any_of, self.note = exp, list(desc_any_of), note


class Note:
    """An expectation with an explanation recorded next to the message."""

    def __init__(self, exp, note):
        self.exp, self.note = exp, note


def _with_id(msg, id):
    if id is not MISSING:
        msg["id"] = id
    return msg


def ERR(cls, desc, id=MISSING):
    return _with_id({"error": {"class": cls, "desc": desc}}, id)


def GE(desc, id=MISSING):
    return ERR("GenericError", desc, id)


def CNF(desc, id=MISSING):
    return ERR("CommandNotFound", desc, id)


def NEG(id=MISSING):
    """CommandNotFound in negotiation mode."""
    return CNF(NEGOTIATION_DESC, id)


def OK(ret=None, id=MISSING):
    return _with_id({"return": {} if ret is None else ret}, id)


def PARSE(what):
    return GE("JSON parse error, " + what)


def _is_version(v):
    return (isinstance(v, dict) and list(v) == ["qemu", "package"] and isinstance(v["package"], str)
            and isinstance(v["qemu"], dict) and sorted(v["qemu"]) == ["major", "micro", "minor"]
            and all(type(x) is int for x in v["qemu"].values()))


def _is_greeting(v):
    return (isinstance(v, dict) and list(v) == ["QMP"] and isinstance(v["QMP"], dict)
            and list(v["QMP"]) == ["version", "capabilities"] and _is_version(v["QMP"]["version"])
            and v["QMP"]["capabilities"] == ["oob"])


GREETING = Pred("greeting offering oob", lambda v, raw: _is_greeting(v))


def VERSION(id=MISSING):
    def fn(v, raw):
        return (isinstance(v, dict) and _is_version(v.get("return"))
                and list(v) == (["return"] if id is MISSING else ["return", "id"])
                and (id is MISSING or v["id"] == id))
    return Pred("query-version result" + ("" if id is MISSING else f" with id {id!r}"), fn)


def split_expectation(e):
    """{"exp72": expectation for the 7.2 recording, "msg10": 10.0 message or None,
    "note": str or None, "desc-any-of": list or None}"""
    if isinstance(e, V10):
        out = split_expectation(e.exp72)
        out["msg10"] = copy.deepcopy(e.msg10)
        out["note"] = e.note
        return out
    if isinstance(e, (Note, Loose)):
        out = split_expectation(e.exp)
        out["note"] = e.note if not out["note"] else out["note"] + " " + e.note
        if isinstance(e, Loose):
            out["desc-any-of"] = e.desc_any_of
        return out
    return {"exp72": e, "msg10": None, "note": None, "desc-any-of": None}


def version_dependent_10(v):
    """The message QEMU 10.0.13 sends where 7.2 sent v, if they differ only in version data."""
    if _is_greeting(v):
        v10 = copy.deepcopy(v)
        v10["QMP"]["version"] = copy.deepcopy(VERSION_10)
        return v10
    if isinstance(v, dict) and _is_version(v.get("return")):
        v10 = copy.deepcopy(v)
        v10["return"] = copy.deepcopy(VERSION_10)
        return v10
    return None


def _strict_equal(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_strict_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


def mismatch(exp, value, raw):
    """None if the message matches the expectation, else a description of the expectation."""
    if isinstance(exp, bytes):
        return None if raw == exp else repr(exp)
    if isinstance(exp, Pred):
        return None if exp.fn(value, raw) else exp.what
    if isinstance(exp, dict):
        return None if _strict_equal(exp, value) else repr(exp)
    raise TypeError(f"bad expectation {exp!r}")

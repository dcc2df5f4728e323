"""The descriptor-passing corpus (record.py --corpus fds): getfd, closefd, add-fd, remove-fd and
query-fdsets with and without descriptors attached (SCM_RIGHTS), errors and bad input included.
Descriptor numbers are normalised to "@fdN@" (see record.py); sends refer to them the same way."""

from casedsl import CNF, GE, NEG, OK, PARSE, V10, case, close, connect, negotiate, probe, read, send, start

NO_FD = "No file descriptor supplied via SCM_RIGHTS"
DIGIT = "Parameter 'fdname' expects a name not starting with a digit"
NEGATIVE = "Parameter 'fdset-id' expects a non-negative value"


def cmd(name, **arguments):
    import json
    req = {"execute": name}
    if arguments:
        req["arguments"] = {k.replace("_", "-"): v for k, v in arguments.items()}
    return json.dumps(req).encode() + b"\n"


def not_found(name):
    return GE(f"File descriptor named '{name}' not found")


CASES = []


def add(*args, **kw):
    CASES.append(case(*args, fds=True, **kw))


add("fds-getfd-closefd",
    "getfd without a descriptor, with one, again under the same name (replacing it), with three "
    "(the first is kept), with a name starting with a digit; closefd of kept and unknown names.",
    start(), negotiate(),
    send(cmd("getfd", fdname="disk")), read(GE(NO_FD)),
    send(cmd("getfd", fdname="disk"), fds=1), read(OK()),
    send(cmd("getfd", fdname="disk"), fds=1), read(OK()),
    send(cmd("getfd", fdname="net"), fds=3), read(OK()),
    send(cmd("getfd", fdname="9lives"), fds=1), read(GE(DIGIT)),
    send(cmd("getfd", fdname=""), fds=1), read(OK()),
    send(cmd("closefd", fdname="disk")), read(OK()),
    send(cmd("closefd", fdname="disk")), read(not_found("disk")),
    send(cmd("closefd", fdname="net")), read(OK()),
    send(cmd("closefd", fdname="")), read(OK()),
    send(cmd("closefd", fdname="9lives")), read(not_found("9lives")))

add("fds-add-remove-query",
    "add-fd without a descriptor, to new sets (lowest free id) and given ids, with opaque, a "
    "negative id; query-fdsets order; remove-fd of one descriptor, of a whole set, and errors.",
    start(), negotiate(),
    send(cmd("add-fd")), read(GE(NO_FD)),
    send(cmd("query-fdsets")), read(OK([])),
    send(cmd("add-fd"), fds=1), read(OK({"fdset-id": 0, "fd": "@fd0@"})),
    send(cmd("add-fd", fdset_id=5, opaque="rdonly:/x"), fds=1), read(OK({"fdset-id": 5, "fd": "@fd1@"})),
    send(cmd("add-fd"), fds=1), read(OK({"fdset-id": 1, "fd": "@fd2@"})),
    send(cmd("add-fd", fdset_id=5), fds=2), read(OK({"fdset-id": 5, "fd": "@fd3@"})),
    send(cmd("add-fd", fdset_id=-1), fds=1), read(GE(NEGATIVE)),
    send(cmd("query-fdsets")),
    read(OK([{"fdset-id": 5, "fds": [{"fd": "@fd1@", "opaque": "rdonly:/x"}, {"fd": "@fd3@"}]},
             {"fdset-id": 1, "fds": [{"fd": "@fd2@"}]},
             {"fdset-id": 0, "fds": [{"fd": "@fd0@"}]}])),
    send(b'{"execute": "remove-fd", "arguments": {"fdset-id": 5, "fd": @fd1@}}\n'), read(OK()),
    send(b'{"execute": "remove-fd", "arguments": {"fdset-id": 5, "fd": @fd1@}}\n'),
    read(GE("File descriptor named 'fdset-id:5, fd:@fd1@' not found")),
    send(b'{"execute": "remove-fd", "arguments": {"fdset-id": 0, "fd": @fd2@}}\n'),
    read(GE("File descriptor named 'fdset-id:0, fd:@fd2@' not found")),
    send(cmd("remove-fd", fdset_id=9)), read(GE("File descriptor named 'fdset-id:9' not found")),
    send(cmd("remove-fd", fdset_id=5)), read(OK()),
    send(cmd("add-fd", fdset_id=3), fds=1), read(OK({"fdset-id": 3, "fd": "@fd4@"})),
    send(cmd("add-fd"), fds=1), read(OK({"fdset-id": 2, "fd": "@fd5@"})),
    send(cmd("query-fdsets")),
    read(OK([{"fdset-id": 3, "fds": [{"fd": "@fd4@"}]}, {"fdset-id": 2, "fds": [{"fd": "@fd5@"}]},
             {"fdset-id": 1, "fds": [{"fd": "@fd2@"}]}, {"fdset-id": 0, "fds": [{"fd": "@fd0@"}]}])),
    send(cmd("remove-fd", fdset_id=0)), read(OK()),
    send(cmd("remove-fd", fdset_id=1)), read(OK()),
    send(cmd("remove-fd", fdset_id=2)), read(OK()),
    send(cmd("remove-fd", fdset_id=3)), read(OK()),
    send(cmd("query-fdsets")), read(OK([])))

add("fds-bad-input",
    "Descriptors attached to a JSON parse error, an unknown command, a command that takes none, "
    "a request in negotiation mode, an empty message (nothing travels), and 200 on one message: the answers are the usual ones and "
    "the connection goes on. Each later getfd brings its own descriptor.",
    start(),
    send(cmd("getfd", fdname="early"), fds=1), read(NEG()),
    negotiate(),
    send(b'{]\n', fds=1), read(PARSE("expecting value")),
    send(cmd("no-such-cmd"), fds=2), read(CNF("The command no-such-cmd has not been found")),
    send(cmd("query-fdsets"), fds=1), read(OK([])),
    send(b"", fds=2), probe(True),
    send(cmd("getfd", fdname="many"), fds=200), read(OK()),
    send(cmd("closefd", fdname="many")), read(OK()),
    probe(True),
    send(cmd("getfd", fdname="again"), fds=1), read(OK()),
    send(cmd("closefd", fdname="again")), read(OK()))

add("fds-named-per-monitor-session",
    "A named descriptor belongs to the monitor: after the client reconnects, closefd still finds "
    "it; fd sets outlive the client too in QEMU 10.0 (7.2 closed them when the last client left).",
    start(), negotiate(),
    send(cmd("getfd", fdname="kept"), fds=1), read(OK()),
    send(cmd("add-fd", fdset_id=0), fds=1), read(OK({"fdset-id": 0, "fd": "@fd0@"})),
    close(),
    start(), negotiate(),
    send(cmd("query-fdsets")),
    read(V10(None, {"return": [{"fdset-id": 0, "fds": [{"fd": "@fd0@"}]}]},
             "QEMU 7.2 closed the descriptors of fd sets when the last client disconnected; "
             "10.0 keeps them until remove-fd.")),
    send(cmd("closefd", fdname="kept")), read(OK()),
    send(cmd("remove-fd", fdset_id=0)),
    read(V10(None, {"return": {}}, "10.0 still has the set (see above).")))

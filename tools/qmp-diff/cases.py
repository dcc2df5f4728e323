"""The cases of the QMP differential corpus. Each read lists what the wire notes predict (QEMU 10.0);
record.py reports every message where QEMU 7.2 disagrees. Only commands every QMP server has are
used: qmp_capabilities, query-version, query-commands (error paths only) and unknown commands."""

from casedsl import (CAPS, CNF, GE, GREETING, NEG, OK, PARSE, V10, VERSION, Loose, Note, case, close,  # noqa: F401
                     connect, negotiate, pause, probe, quiet, read, read_all, read_eof, send,
                     send_bytewise, shutdown_write, start)
from qmpwire import qdict_order

ALREADY = "Capabilities negotiation is already complete, command ignored"
NOT_OBJECT = "QMP input must be a JSON object"
LACKS = "QMP input lacks member 'execute'"


def not_found(name, id=None):
    return CNF(f"The command {name} has not been found", **({} if id is None else {"id": id}))


def unexpected(key, id=None):
    return GE(f"QMP input member '{key}' is unexpected", **({} if id is None else {"id": id}))


def first_key(*keys):
    """The key qmp_dispatch_check_obj meets first: QDict order of keys inserted in this order."""
    return qdict_order(list(keys))[0]


def bad_ids(*ids):
    """Unknown commands (negotiation mode) carrying each id as written; the reply echoes it."""
    steps = []
    for id_text, expected in ids:
        steps += send(b'{"execute": "no-such-cmd", "id": ' + id_text + b'}\n')
        steps += read(expected)
    return steps


def id_reply(raw_id: bytes):
    """The exact bytes of the negotiation-mode reply for an id QEMU prints as raw_id."""
    return (b'{"id": ' + raw_id + b', "error": {"class": "CommandNotFound", "desc": '
            b'"Expecting capabilities negotiation with \'qmp_capabilities\'"}}\r\n')


CASES = []


def add(*args, **kw):
    CASES.append(case(*args, **kw))


# --- greeting and capability negotiation ------------------------------------------------------

add("greeting", "The greeting sent on connect, before the client sends anything.",
    start())

add("negotiation-command-not-found",
    "Before qmp_capabilities every other command, known or not, gets CommandNotFound with the "
    "negotiation desc; the id is still echoed. After negotiation the same requests work.",
    start(),
    send(b'{"execute": "query-version"}\n'), read(NEG()),
    send(b'{"execute": "query-commands", "id": 1}\n'), read(NEG(id=1)),
    send(b'{"execute": "no-such-cmd", "id": "x"}\n'), read(NEG(id="x")),
    send(b'{"execute": ""}\n'), read(NEG()),
    negotiate(),
    send(b'{"execute": "query-version"}\n'), read(VERSION()),
    probe(True))

add("negotiation-other-errors-kept",
    "In negotiation mode only CommandNotFound descs are replaced: parse errors, QMP input errors "
    "and qmp_capabilities argument errors keep their text; a command other than qmp_capabilities "
    "with bad arguments is not found first.",
    start(),
    send(b'{]\n'), read(PARSE("expecting value")),
    send(b'{"execute": 1}\n'), read(GE("QMP input member 'execute' must be a string")),
    send(b'{"execute": "query-version", "arguments": {"x": 1}}\n'), read(NEG()),
    send(b'{"execute": "qmp_capabilities", "arguments": {"x": 1}}\n'),
    read(GE("Parameter 'x' is unexpected")),
    probe(False))

add("capabilities-basic",
    "qmp_capabilities with an id, repeated (CommandNotFound from the handler, not replaced), "
    "then query-version.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": 1}\n'), read(OK(id=1)),
    send(CAPS), read(CNF(ALREADY)),
    send(b'{"execute": "qmp_capabilities", "id": "again"}\n'), read(CNF(ALREADY, id="again")),
    send(b'{"execute": "query-version", "id": 2}\n'), read(VERSION(id=2)))

add("capabilities-empty-arguments", "qmp_capabilities with \"arguments\": {} and with enable [].",
    start(),
    send(b'{"execute": "qmp_capabilities", "arguments": {}}\n'), read(OK()),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": []}}\n'), read(CNF(ALREADY)))

add("capabilities-enable-oob",
    "enable [\"oob\"] succeeds; repeating it, with or without enable, is already complete.",
    start(),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}, "id": 1}\n'),
    read(OK(id=1)),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}\n'), read(CNF(ALREADY)),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": []}}\n'), read(CNF(ALREADY)),
    send(b'{"execute": "query-version", "id": 2}\n'), read(VERSION(id=2)))

add("capabilities-enable-empty-list",
    "enable [] succeeds but leaves OOB off, so exec-oob is then an unexpected member.",
    start(),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": []}}\n'), read(OK()),
    send(b'{"exec-oob": "query-version", "id": 1}\n'), read(unexpected("exec-oob", id=1)))

add("capabilities-enable-duplicate",
    "enable [\"oob\", \"oob\"] is accepted and enables OOB (exec-oob is then checked against the "
    "command).",
    start(),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", "oob"]}}\n'), read(OK()),
    send(b'{"exec-oob": "query-version", "id": 1}\n'),
    read(GE("The command query-version does not support OOB", id=1)))

add("capabilities-enable-bad-values",
    "Wrongly typed and unknown enable values in negotiation mode: GenericError argument errors "
    "(list elements are named 'null' for enum values, enable[N] for types), and the monitor stays "
    "in negotiation mode.",
    start(),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": "oob"}}\n'),
    read(GE("Invalid parameter type for 'enable', expected: array")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["cap-does-not-exist"]}}\n'),
    read(GE("Parameter 'null' does not accept value 'cap-does-not-exist'")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["OOB"]}, "id": 3}\n'),
    read(GE("Parameter 'null' does not accept value 'OOB'", id=3)),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": [1]}}\n'),
    read(GE("Invalid parameter type for 'enable[0]', expected: string")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", ["oob"]]}}\n'),
    read(GE("Invalid parameter type for 'enable[1]', expected: string")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": null}}\n'),
    read(GE("Invalid parameter type for 'enable', expected: array")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": {}}}\n'),
    read(GE("Invalid parameter type for 'enable', expected: array")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob", "bogus"]}}\n'),
    read(GE("Parameter 'null' does not accept value 'bogus'")),
    probe(False),
    negotiate(),
    probe(True))

add("capabilities-unexpected-argument",
    "Unknown arguments to qmp_capabilities are reported after the members (so an enum error wins); "
    "of several, the first in GHashTable order is named.",
    start(),
    send(b'{"execute": "qmp_capabilities", "arguments": {"x": 1}}\n'),
    read(GE("Parameter 'x' is unexpected")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"], "x": 1}}\n'),
    read(GE("Parameter 'x' is unexpected")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"x": 1, "enable": ["bogus"]}}\n'),
    read(GE("Parameter 'null' does not accept value 'bogus'")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"Enable": []}}\n'),
    read(GE("Parameter 'Enable' is unexpected")),
    probe(False),
    negotiate(),
    probe(True))

add("capabilities-after-negotiation-bad-arguments",
    "After negotiation, qmp_capabilities still checks its arguments first (GenericError) and only "
    "then reports that negotiation is complete.",
    start(), negotiate(),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["bogus"]}}\n'),
    read(GE("Parameter 'null' does not accept value 'bogus'")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": "oob"}}\n'),
    read(GE("Invalid parameter type for 'enable', expected: array")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"x": 1}, "id": 9}\n'),
    read(GE("Parameter 'x' is unexpected", id=9)),
    send(b'{"execute": "qmp_capabilities", "arguments": []}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}}\n'), read(CNF(ALREADY)))

# --- other commands --------------------------------------------------------------------------

add("query-version-arguments",
    "query-version takes no arguments: any key is unexpected; {} is fine.",
    start(), negotiate(),
    send(b'{"execute": "query-version", "arguments": {"x": 1}}\n'),
    read(GE("Parameter 'x' is unexpected")),
    send(b'{"execute": "query-version", "arguments": {"package": ""}, "id": 7}\n'),
    read(GE("Parameter 'package' is unexpected", id=7)),
    send(b'{"execute": "query-version", "arguments": {}, "id": "v"}\n'), read(VERSION(id="v")),
    send(b'{"execute": "query-version", "arguments": null}\n'),
    read(GE("QMP input member 'arguments' must be an object")))

HASH_NOTE = ("Which unexpected argument is named is the first left in a GLib GHashTable, so it "
             "depends on GLib's hashing, not on the request (QEMU 7.2 on GLib 2.74.6 names the same "
             "key whatever the order); a server may name any of them.")
add("query-version-several-unexpected-arguments",
    "Several unexpected arguments: one error naming one of them, the same one whatever their order.",
    start(), negotiate(),
    send(b'{"execute": "query-version", "arguments": {"x": 1, "y": 2}, "id": 1}\n'),
    read(Loose(GE("Parameter 'y' is unexpected", id=1),
               ["Parameter 'x' is unexpected", "Parameter 'y' is unexpected"], HASH_NOTE)),
    send(b'{"execute": "query-version", "arguments": {"y": 1, "x": 2}, "id": 2}\n'),
    read(Loose(GE("Parameter 'y' is unexpected", id=2),
               ["Parameter 'x' is unexpected", "Parameter 'y' is unexpected"], HASH_NOTE)),
    send(b'{"execute": "query-version", "arguments": {"d": 1, "c": 2, "b": 3, "a": 4}}\n'),
    read(Loose(GE("Parameter 'b' is unexpected"),
               ["Parameter '%s' is unexpected" % k for k in "abcd"], HASH_NOTE)))

add("query-commands-errors",
    "query-commands error paths (its result is server-specific): arguments checked before the "
    "command lookup in negotiation mode, unexpected arguments after negotiation.",
    start(),
    send(b'{"execute": "query-commands", "arguments": []}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    send(b'{"execute": "query-commands", "arguments": {"a": 1}}\n'), read(NEG()),
    negotiate(),
    send(b'{"execute": "query-commands", "arguments": {"a": 1}, "id": 1}\n'),
    read(GE("Parameter 'a' is unexpected", id=1)),
    send(b'{"execute": "query-commands", "arguments": "x"}\n'),
    read(GE("QMP input member 'arguments' must be an object")))

add("unknown-command",
    "Unknown command names after negotiation, echoed in the desc: empty, differently cased, "
    "'-' for '_', trailing space, non-ASCII and escapes (re-escaped by the writer).",
    start(), negotiate(),
    send(b'{"execute": "no-such-cmd", "id": 1}\n'), read(not_found("no-such-cmd", id=1)),
    send(b'{"execute": ""}\n'), read(not_found("")),
    send(b'{"execute": "Query-Version"}\n'), read(not_found("Query-Version")),
    send(b'{"execute": "qmp-capabilities"}\n'), read(not_found("qmp-capabilities")),
    send(b'{"execute": "query-version "}\n'), read(not_found("query-version ")),
    send(b'{"execute": "caf\xc3\xa9 \\u00e9\\"\\\\/\\t"}\n'), read(not_found('caf\u00e9 \u00e9"\\/\t')))

# --- QMP input errors ------------------------------------------------------------------------

add("input-not-object",
    "Well-formed JSON that is not an object: GenericError without id, before and after "
    "negotiation.",
    start(),
    send(b'null\n'), read(GE(NOT_OBJECT)),
    send(b'[]\n'), read(GE(NOT_OBJECT)),
    send(b'[{"execute": "qmp_capabilities"}]\n'), read(GE(NOT_OBJECT)),
    send(b'"qmp_capabilities"\n'), read(GE(NOT_OBJECT)),
    send(b'1\n'), read(GE(NOT_OBJECT)),
    send(b'-1.5\n'), read(GE(NOT_OBJECT)),
    send(b'true\n'), read(GE(NOT_OBJECT)),
    send(b'false\n'), read(GE(NOT_OBJECT)),
    probe(False),
    negotiate(),
    send(b'null\n'), read(GE(NOT_OBJECT)),
    send(b'[1, 2]\n'), read(GE(NOT_OBJECT)),
    probe(True))

add("input-lacks-execute",
    "Objects without execute (or exec-oob): the id, when there is one, is echoed.",
    start(),
    send(b'{}\n'), read(GE(LACKS)),
    send(b'{"id": 1}\n'), read(GE(LACKS, id=1)),
    send(b'{"arguments": {}}\n'), read(GE(LACKS)),
    send(b'{"id": null}\n'), read(GE(LACKS, id=None)),
    negotiate(),
    send(b'{"id": "x", "arguments": {}}\n'), read(GE(LACKS, id="x")),
    probe(True))

add("input-execute-not-string",
    "execute of every other JSON type.",
    start(),
    send(b'{"execute": true}\n'), read(GE("QMP input member 'execute' must be a string")),
    send(b'{"execute": 1, "id": "a"}\n'), read(GE("QMP input member 'execute' must be a string", id="a")),
    send(b'{"execute": null}\n'), read(GE("QMP input member 'execute' must be a string")),
    send(b'{"execute": ["qmp_capabilities"]}\n'), read(GE("QMP input member 'execute' must be a string")),
    send(b'{"execute": {}}\n'), read(GE("QMP input member 'execute' must be a string")),
    send(b'{"execute": 1.5, "arguments": []}\n'),
    read(GE("QMP input member 'execute' must be a string")),
    probe(False))

add("input-arguments-not-object",
    "arguments of every other JSON type, for a known and an unknown command.",
    start(),
    send(b'{"execute": "no-such-cmd", "arguments": []}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    send(b'{"execute": "qmp_capabilities", "arguments": null, "id": 1}\n'),
    read(GE("QMP input member 'arguments' must be an object", id=1)),
    send(b'{"execute": "qmp_capabilities", "arguments": ""}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    send(b'{"execute": "qmp_capabilities", "arguments": 0}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    send(b'{"execute": "qmp_capabilities", "arguments": false}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    probe(False))

add("input-unexpected-member",
    "Members other than execute, exec-oob, arguments and id; with several problems the first key in "
    "QDict order (hash bucket, then most recently inserted first) is reported.",
    start(),
    send(b'{"extra": true, "execute": "no-such-cmd"}\n'), read(unexpected("extra")),
    send(b'{"execute": "qmp_capabilities", "ID": 1}\n'), read(unexpected("ID")),
    send(b'{"execute": "qmp_capabilities", "Arguments": {}}\n'), read(unexpected("Arguments")),
    send(b'{"execute": "no-such-cmd", "id": 5, "extra": 1}\n'), read(unexpected("extra", id=5)),
    send(b'{"execute": "no-such-cmd", "zzz": 1, "aaa": 2}\n'),
    read(unexpected(first_key("execute", "zzz", "aaa"))),
    send(b'{"execute": "no-such-cmd", "arguments": [], "extra": 1}\n'),
    read(unexpected(first_key("execute", "arguments", "extra"))),
    send(b'{"execute": 1, "extra": 1}\n'), read(unexpected(first_key("execute", "extra"))),
    # "x" and "Id" share a hash bucket: the one inserted last comes first
    send(b'{"execute": "no-such-cmd", "Id": 1, "x": 2}\n'), read(unexpected(first_key("Id", "x"))),
    send(b'{"execute": "no-such-cmd", "x": 2, "Id": 1}\n'), read(unexpected(first_key("x", "Id"))),
    send(b'{"execute": "no-such-cmd", "EXECUTE": "x"}\n'), read(unexpected("EXECUTE")),
    probe(False))

add("input-exec-oob-without-oob",
    "exec-oob while OOB is not enabled (in negotiation mode, and after negotiating without oob): "
    "an unexpected member, even with execute present.",
    start(),
    send(b'{"exec-oob": "qmp_capabilities"}\n'), read(unexpected("exec-oob")),
    send(b'{"exec-oob": "query-version", "id": 2}\n'), read(unexpected("exec-oob", id=2)),
    send(b'{"exec-oob": "qmp_capabilities", "arguments": {"enable": ["oob"]}}\n'),
    read(unexpected("exec-oob")),
    negotiate(),
    send(b'{"exec-oob": "query-version", "id": 3}\n'), read(unexpected("exec-oob", id=3)),
    send(b'{"exec-oob": 1}\n'), read(unexpected("exec-oob")),
    send(b'{"execute": "query-version", "exec-oob": "query-version"}\n'), read(unexpected("exec-oob")),
    probe(True))

add("input-execute-exec-oob-clash",
    "execute and exec-oob together with OOB enabled: exec-oob comes first in QDict order, so "
    "execute is reported as clashing with it; a non-string exec-oob is reported first.",
    start(), negotiate(oob=True),
    send(b'{"execute": "query-version", "exec-oob": "query-version"}\n'),
    read(GE("QMP input member 'execute' clashes with 'exec-oob'")),
    send(b'{"exec-oob": "query-version", "execute": "query-version", "id": 1}\n'),
    read(GE("QMP input member 'execute' clashes with 'exec-oob'", id=1)),
    send(b'{"execute": "query-version", "exec-oob": 1}\n'),
    read(GE("QMP input member 'exec-oob' must be a string")),
    send(b'{"execute": 1, "exec-oob": "query-version"}\n'),
    read(GE("QMP input member 'execute' must be a string")),
    probe(True))

add("oob-not-supported",
    "exec-oob with OOB enabled for commands without allow-oob, for an unknown command, and with "
    "a non-string or bad arguments.",
    start(), negotiate(oob=True),
    send(b'{"exec-oob": "query-version", "id": 1}\n'),
    read(GE("The command query-version does not support OOB", id=1)),
    send(b'{"exec-oob": "qmp_capabilities"}\n'),
    read(GE("The command qmp_capabilities does not support OOB")),
    send(b'{"exec-oob": "query-commands", "arguments": {"x": 1}}\n'),
    read(GE("The command query-commands does not support OOB")),
    send(b'{"exec-oob": "no-such-cmd", "id": 2}\n'), read(not_found("no-such-cmd", id=2)),
    send(b'{"exec-oob": 1}\n'), read(GE("QMP input member 'exec-oob' must be a string")),
    send(b'{"exec-oob": "query-version", "arguments": []}\n'),
    read(GE("QMP input member 'arguments' must be an object")),
    send(b'{"exec-oob": "query-version", "extra": 1}\n'), read(unexpected("extra")),
    probe(True))

# --- JSON parse errors -----------------------------------------------------------------------

add("parse-expecting-value",
    "Parser 'expecting value' errors: a closer or separator where a value must be, stray top-level "
    "closers and separators, trailing commas; each is answered, without id, and the stream "
    "recovers.",
    start(),
    send(b'{]\n'), read(PARSE("expecting value")),
    probe(False),
    send(b'{"a":}\n'), read(PARSE("expecting value")),
    send(b'{ "execute": }\n'), read(PARSE("expecting value")),
    send(b'}\n'), read(PARSE("expecting value")),
    send(b']\n'), read(PARSE("expecting value")),
    send(b':\n'), read(PARSE("expecting value")),
    send(b',\n'), read(PARSE("expecting value")),
    send(b'[1,]\n'), read(PARSE("expecting value")),
    send(b'{"execute": "qmp_capabilities", "id": 1,}\n'), read(PARSE("expecting value")),
    send(b'[}\n'), read(PARSE("expecting value")),
    probe(False))

add("parse-stray-0xff",
    "A 0xFF byte after '{' (qmp-test): a lexical error, its token printed with U+FFFD; recovery.",
    start(),
    send(b'{\xff'), read(PARSE("stray '\ufffd'")),
    probe(False),
    send(b'\xfe'), read(PARSE("stray '\ufffd'")),
    probe(False))

add("parse-stray-control",
    "Control bytes outside strings: one stray error each, even in recovery; a number or keyword "
    "they end is emitted first; following non-structural bytes are skipped.",
    start(),
    send(b'{\x01'), read(PARSE("stray '\x01'")),
    probe(False),
    send(b'\x1b'), read(PARSE("stray '\x1b'")),
    send(b'{"execute": "qmp_capabilities"\x02}\n'),
    read(PARSE("stray '\x02'"), PARSE("expecting value")),
    send(b'nul\x1b'), read(PARSE("invalid keyword 'nul'"), PARSE("stray '\x1b'")),
    send(b'\x01\x02abc\x7f\n'), read(PARSE("stray '\x01'"), PARSE("stray '\x02'")),
    send(b'\x0c\x0b'), read(PARSE("stray '\x0c'"), PARSE("stray '\x0b'")),
    probe(False))

add("parse-nul",
    "NUL bytes, inside a string and outside: the stray text is cut at the NUL.",
    start(),
    send(b'{"execute": "qmp_capabilities\x00"}\n'),
    read(PARSE("stray '\"qmp_capabilities'"), PARSE("expecting value")),
    send(b'\x00'), read(PARSE("stray ''")),
    # recovery ends at the ':', which is then an error of its own, and so on
    send(b'{"execute"\x00: 1}\n'),
    read(PARSE("stray ''"), PARSE("expecting value"), GE(NOT_OBJECT), PARSE("expecting value")),
    probe(False))

add("parse-control-in-string",
    "Raw control bytes inside strings (tab included) are lexical errors; DEL (0x7F) is not.",
    start(), negotiate(),
    send(b'{"execute": "a\x01b"}\n'), read(PARSE("stray '\"a\x01'"), PARSE("expecting value")),
    send(b'{"execute": "a\tb"}\n'), read(PARSE("stray '\"a\t'"), PARSE("expecting value")),
    send(b'{"execute": "a\x1fb"}\n'), read(PARSE("stray '\"a\x1f'"), PARSE("expecting value")),
    send(b'{"execute": "a\x7fb"}\n'), read(not_found("a\x7fb")),
    probe(True))

add("parse-unterminated-string",
    "A string left open when a newline arrives (qmp-test): the newline is a lexical error, the "
    "whole string so far is the stray token, no id; then recovery.",
    start(),
    send(b"{'execute': 'nonexistent', 'id':'\n"), read(PARSE("stray ''\n'")),
    probe(False),
    send(b'{"execute": "abc\n'), read(PARSE("stray '\"abc\n'")),
    probe(False),
    send(b'{"execute": "abc\r'), read(PARSE("stray '\"abc\r'")),
    probe(False))

add("parse-percent",
    "Interpolation is off: '%' is a lexical error; the next byte is skipped in recovery.",
    start(),
    send(b'%p'), read(PARSE("stray '%'")),
    probe(False),
    send(b'{"execute": %s}\n'), read(PARSE("stray '%'"), PARSE("expecting value")),
    probe(False))

add("parse-invalid-utf8-in-string",
    "Invalid UTF-8 inside strings is a parser error (bad continuation, overlong, surrogate, "
    "noncharacter, truncated, 5-byte, beyond U+10FFFF); 0xFE/0xFF are lexical errors.",
    start(), negotiate(),
    send(b'{"execute": "\xc3\x28"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xc0\xaf"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xe0\x80\xaf"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xed\xa0\x80"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xef\xbf\xbe"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xef\xb7\x90"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xe2\x82"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\x80"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xf8\x88\x80\x80\x80"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "\xf4\x90\x80\x80"}\n'), read(PARSE("invalid UTF-8 sequence in string")),
    send(b'{"execute": "a\xfeb"}\n'), read(PARSE("stray '\"a\ufffd'"), PARSE("expecting value")),
    send(b"{'bad \xff"), read(PARSE("stray ''bad \ufffd'")),
    probe(True))

add("strings-valid-utf8",
    "Accepted non-ASCII strings come back \\u-escaped (uppercase hex, surrogate pairs beyond the "
    "BMP); C0 80 is accepted as U+0000.",
    start(), negotiate(),
    send(b'{"execute": "\xc3\xa9"}\n'), read(not_found("\u00e9")),
    send(b'{"execute": "\xe2\x82\xac"}\n'), read(not_found("\u20ac")),
    send(b'{"execute": "\xf0\x9f\x98\x80"}\n'), read(not_found("\U0001F600")),
    send(b'{"execute": "\xf4\x8f\xbf\xbd"}\n'), read(not_found("\U0010FFFD")),
    send(b'{"execute": "a\xc0\x80b"}\n'), read(not_found("a\x00b")),
    send(b'{"execute": "\xc2\x80\xc2\xa0"}\n'), read(not_found("\x80\xa0")))

add("parse-invalid-utf8-outside-string",
    "Non-ASCII bytes outside strings are lexical errors; continuation bytes are skipped in "
    "recovery; the desc shows the lone lead byte as U+FFFD.",
    start(),
    send(b'\xc3\xa9\n'), read(PARSE("stray '\ufffd'")),
    send(b'{"execute"\xc3\xa9: "qmp_capabilities"}\n'),
    read(PARSE("stray '\ufffd'"), PARSE("expecting value"), GE(NOT_OBJECT), PARSE("expecting value")),
    send(b'\xef\xbb\xbf{"execute": "qmp_capabilities"}\n'), read(PARSE("stray '\ufffd'"), OK()),
    probe(True))

add("parse-invalid-escapes",
    "Bad escapes: unknown escape letters, bad hex, lone or mismatched surrogates, noncharacters; "
    "the desc quotes the escape as written (backslash doubled on the wire).",
    start(), negotiate(),
    send(b'{"execute": "\\x41"}\n'), read(PARSE("invalid escape sequence in string")),
    send(b'{"execute": "\\a"}\n'), read(PARSE("invalid escape sequence in string")),
    send(b'{"execute": "\\U0041"}\n'), read(PARSE("invalid escape sequence in string")),
    send(b'{"execute": "\\u12G4"}\n'), read(PARSE("\\u12G4 is not a valid Unicode character")),
    send(b'{"execute": "\\ud800"}\n'), read(PARSE("\\ud800 is not a valid Unicode character")),
    send(b'{"execute": "\\uDC00"}\n'), read(PARSE("\\uDC00 is not a valid Unicode character")),
    send(b'{"execute": "\\ud800\\u0041"}\n'), read(PARSE("\\ud800 is not a valid Unicode character")),
    send(b'{"execute": "\\ud800x"}\n'), read(PARSE("\\ud800 is not a valid Unicode character")),
    send(b'{"execute": "\\ud800\\ud800"}\n'), read(PARSE("\\ud800 is not a valid Unicode character")),
    send(b'{"execute": "\\uFDD0"}\n'), read(PARSE("\\uFDD0 is not a valid Unicode character")),
    send(b'{"execute": "\\uffff"}\n'), read(PARSE("\\uffff is not a valid Unicode character")),
    send(b'{"execute": "\\uD83F\\uDFFE"}\n'),
    read(PARSE("\\uD83F\\uDFFE is not a valid Unicode character")),
    send(b'{"execute": "\\u00"}\n'), read(PARSE('\\u00" is not a valid Unicode character')),
    probe(True))

add("strings-valid-escapes",
    "Accepted escapes, re-escaped on output: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\' , \\u0000, "
    "lowercase hex, a surrogate pair.",
    start(), negotiate(),
    send(b'{"execute": "\\"\\\\\\/\\b\\f\\n\\r\\t\\\'"}\n'), read(not_found("\"\\/\b\f\n\r\t'")),
    send(b'{"execute": "\\u0000\\u001f\\u007f\\u00ff"}\n'), read(not_found("\x00\x1f\x7f\xff")),
    send(b'{"execute": "\\ud83d\\ude00\\uD83D\\uDE00"}\n'), read(not_found("\U0001F600\U0001F600")),
    send(b'{"execute": "\\u20AC\\u20ac"}\n'), read(not_found("\u20ac\u20ac")))

add("parse-invalid-keyword",
    "Lower-case words are keywords, checked by the parser; upper-case letters are lexical errors.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": nul}\n'), read(PARSE("invalid keyword 'nul'")),
    send(b'nulll\n'), read(PARSE("invalid keyword 'nulll'")),
    send(b'truefalse\n'), read(PARSE("invalid keyword 'truefalse'")),
    send(b'nan\n'), read(PARSE("invalid keyword 'nan'")),
    send(b'inf\n'), read(PARSE("invalid keyword 'inf'")),
    send(b'{"id": True}\n'), read(PARSE("stray 'T'"), PARSE("expecting value")),
    send(b'Infinity\n'), read(PARSE("stray 'I'")),
    send(b'null1\n'), read(GE(NOT_OBJECT), GE(NOT_OBJECT)),
    probe(False))

add("parse-invalid-keyword-long",
    "A 2000-letter keyword: the text after 'JSON parse error, ' is cut to 1023 bytes.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": ' + b'a' * 2000 + b'}\n'),
    read(PARSE(("invalid keyword '" + "a" * 2000 + "'")[:1023])),
    probe(False))

add("parse-duplicate-key",
    "Duplicate keys are rejected, at top level and nested.",
    start(),
    send(b'{"execute": "qmp_capabilities", "execute": "qmp_capabilities"}\n'),
    read(PARSE("duplicate key")),
    send(b'{"id": 1, "execute": "qmp_capabilities", "id": 1}\n'), read(PARSE("duplicate key")),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": [], "enable": []}}\n'),
    read(PARSE("duplicate key")),
    send(b"{'execute': 'no-such-cmd', \"execute\": 'x'}\n"), read(PARSE("duplicate key")),
    probe(False))

add("parse-missing-colon",
    "Object pairs: a missing colon, a key that is not a string.",
    start(),
    send(b'{"execute" "qmp_capabilities"}\n'), read(PARSE("missing : in object pair")),
    send(b'{"execute"}\n'), read(PARSE("missing : in object pair")),
    send(b'{"execute", "qmp_capabilities"}\n'), read(PARSE("missing : in object pair")),
    send(b'{1: 2}\n'), read(PARSE("key is not a string in object")),
    send(b'{null: 1}\n'), read(PARSE("key is not a string in object")),
    send(b'{"a"::1}\n'), read(PARSE("expecting value")),
    probe(False))

add("parse-bad-separators",
    "Missing and doubled separators in objects and lists; ';' is a lexical error.",
    start(),
    send(b'{"execute": "qmp_capabilities" "id": 1}\n'), read(PARSE("expected separator in dict")),
    send(b'{"execute": "qmp_capabilities", "id": [1 2]}\n'), read(PARSE("expected separator in list")),
    send(b'{"execute": "qmp_capabilities",, "id": 1}\n'), read(PARSE("expecting value")),
    send(b'{"execute": "qmp_capabilities", "id": [1,,2]}\n'), read(PARSE("expecting value")),
    send(b'{"execute": "qmp_capabilities": "id"}\n'), read(PARSE("expected separator in dict")),
    send(b'{"execute": "qmp_capabilities"; "id": 1}\n'),
    read(PARSE("stray ';'"), PARSE("expecting value"), GE(NOT_OBJECT), PARSE("expecting value")),
    probe(False))

NEST_1024_ID = b"[" * 1023 + b"]" * 1023
add("parse-nesting-1024",
    "1024 levels of nesting (the request object plus a 1023-deep id) are accepted; the id is "
    "echoed.",
    start(),
    send(b'{"execute": "no-such-cmd", "id": ' + NEST_1024_ID + b'}\n'), read(id_reply(NEST_1024_ID)),
    send(b'{"execute": "no-such-cmd", "id": ' + b'{"a": ' * 1023 + b'1' + b'}' * 1023 + b'}\n'),
    read(id_reply(b'{"a": ' * 1023 + b'1' + b'}' * 1023)),
    probe(False))

add("parse-nesting-1025",
    "The 1025th open bracket is an error (no 'JSON parse error, ' prefix); the message so far is "
    "dropped and the rest parsed afresh: each surplus closer is 'expecting value'.",
    start(),
    send(b'{"execute": "no-such-cmd", "id": ' + b"[" * 1024),
    read(GE("JSON nesting depth limit exceeded")),
    send(b"\n"), quiet(200),
    probe(False),
    send(b"[" * 1025), read(GE("JSON nesting depth limit exceeded")),
    send(b"]]}\n"), read(PARSE("expecting value"), PARSE("expecting value"), PARSE("expecting value")),
    # the rest after the 1025th '{' is ' "a": ': a top-level string, then a stray ':'
    send(b'{"a": ' * 1025),
    read(GE("JSON nesting depth limit exceeded"), GE(NOT_OBJECT), PARSE("expecting value")),
    send(b'1}'), read(GE(NOT_OBJECT), PARSE("expecting value")),
    probe(False))

add("parse-single-quotes",
    "Single-quoted strings and the \\' escape in both quote styles; output always double-quoted.",
    start(),
    send(b"{'execute': 'no-such-cmd', 'id': 'it\\'s'}\n"), read(NEG(id="it's")),
    send(b'{"execute": "no-such-cmd", "id": "say \\\'hi\\\'"}\n'), read(NEG(id="say 'hi'")),
    send(b"{'execute': 'no-such-cmd', 'id': 'a\"b'}\n"), read(NEG(id='a"b')),
    send(b"{'execute': 'no-such-cmd', 'id': '\\\"'}\n"), read(NEG(id='"')),
    send(b"{'execute': 'no-such-cmd', 'id': \"'\"}\n"), read(NEG(id="'")),
    send(b"{'execute': 'qmp_capabilities', 'id': ''}\n"), read(OK(id="")),
    probe(True))

add("parse-number-lexical-errors",
    "Malformed numbers are lexical errors (stray token = the number so far); the rest of the "
    "object is skipped until a structural byte.",
    start(),
    send(b'{"id": 01}\n'), read(PARSE("stray '01'"), PARSE("expecting value")),
    send(b'{"id": -x}\n'), read(PARSE("stray '-x'"), PARSE("expecting value")),
    send(b'{"id": 1.e5}\n'), read(PARSE("stray '1.e'"), PARSE("expecting value")),
    send(b'{"id": 1e}\n'), read(PARSE("stray '1e}'")),
    send(b'{"id": .5}\n'), read(PARSE("stray '.'"), PARSE("expecting value")),
    send(b'{"id": +1}\n'), read(PARSE("stray '+'"), PARSE("expecting value")),
    send(b'{"id": 1.}\n'), read(PARSE("stray '1.}'")),
    send(b'{"id": 1e+}\n'), read(PARSE("stray '1e+}'")),
    send(b'{"id": --1}\n'), read(PARSE("stray '--'"), PARSE("expecting value")),
    # after a zero only '.' continues a number: 0x10 is 0, keyword x, 10; 0e5 is 0, keyword e5
    send(b'{"id": 0x10}\n'), read(PARSE("expected separator in dict")),
    send(b'{"id": 0e5}\n'), read(PARSE("expected separator in dict")),
    send(b'{"id": -0E1}\n'), read(PARSE("stray 'E'"), PARSE("expecting value")),
    send(b'{"id": 0.5e1, "execute": "no-such-cmd"}\n'), read(id_reply(b'5')),
    probe(False))

add("parse-whitespace",
    "Space, tab, CR and LF separate tokens anywhere; a request may span lines.",
    start(),
    send(b'\t\r\n {\r\n"execute"\t:\r"no-such-cmd"\n,\n"id"\n:\n1\n}'), read(NEG(id=1)),
    send(b'\n\n\n'), quiet(200),
    send(b'{\n"execute"\n:\n"qmp_capabilities"\n}\n'), read(OK()),
    probe(True))

add("parse-lookahead",
    "A top-level number or keyword is only complete when the next byte arrives; a string, object "
    "or array completes at its last byte.",
    start(),
    send(b'null'), quiet(300), send(b' '), read(GE(NOT_OBJECT)),
    send(b'12'), quiet(300), send(b'3\n'), read(GE(NOT_OBJECT)),
    send(b'"s"'), read(GE(NOT_OBJECT)),
    send(b'[]'), read(GE(NOT_OBJECT)),
    send(b'{"execute": "qmp_capabilities"'), quiet(300), send(b'}'), read(OK()),
    probe(True))

add("parse-top-level-scalars",
    "Several scalars in one line: one error each.",
    start(),
    send(b'1 2 3\n'), read(GE(NOT_OBJECT), GE(NOT_OBJECT), GE(NOT_OBJECT)),
    send(b'"a""b"\n'), read(GE(NOT_OBJECT), GE(NOT_OBJECT)),
    probe(False))

add("parse-error-recovery",
    "Discarding a partial request: a control byte or 0xFF mid-object, a closer that underflows, an "
    "unterminated string; then a valid command works.",
    start(),
    send(b'{"execute": "qmp_capabilities"'), send(b'\x01'), read(PARSE("stray '\x01'")),
    send(b'{"execute": "qmp_capa'), send(b'\xff'), read(PARSE("stray '\"qmp_capa\ufffd'")),
    send(b'{"execute": "qmp_capabilities"]'), read(PARSE("expected separator in dict")),
    send(b'{"execute": ]'), read(PARSE("expecting value")),
    send(b'{"execute": "qmp_capabilities", "id": 1}\n'), read(OK(id=1)),
    probe(True))

# --- streams ---------------------------------------------------------------------------------

add("stream-several-objects-one-write",
    "Several requests in one write, with and without separators, mixed with an error.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": 1}{"execute": "no-such-cmd", "id": 2}'
         b' {]\n{"execute": "query-version", "id": 3}\n'),
    read(OK(id=1), not_found("no-such-cmd", id=2), PARSE("expecting value"), VERSION(id=3)))

add("stream-byte-by-byte",
    "Requests written one byte per write (non-ASCII id included).",
    start(),
    send_bytewise(b'{"execute": "qmp_capabilities", "id": "\xc3\xa9"}\n', pause_ms=1),
    read(OK(id="\u00e9")),
    send_bytewise(b'{"execute": "no-such-cmd", "id": [1, {"a": null}]}', pause_ms=1),
    read(not_found("no-such-cmd", id=[1, {"a": None}])))

add("stream-split-writes",
    "One request split inside a key, inside a multi-byte UTF-8 sequence and inside a number, with "
    "pauses between the writes.",
    start(),
    send(b'{"exe'), pause(50), send(b'cute": "no-such-cmd", "id": "\xe2'), pause(50),
    send(b'\x82\xac", "n": 12'), pause(50), send(b'34}\n'),
    read(unexpected("n", id="\u20ac")),
    probe(False))

PIPE_20 = b"".join(b'{"execute": "no-such-cmd", "id": %d}\n' % i for i in range(1, 21))
add("pipeline-20",
    "20 requests in one write after negotiation: each answered once, in order.",
    start(), negotiate(),
    send(PIPE_20), read(*[not_found("no-such-cmd", id=i) for i in range(1, 21)]))

add("pipeline-20-oob",
    "The same with OOB enabled (in-band queue of 8, backpressure only): all answered in order.",
    start(), negotiate(oob=True),
    send(PIPE_20), read(*[not_found("no-such-cmd", id=i) for i in range(1, 21)]))

add("pipeline-mixed",
    "Pipelined requests mixing results, argument errors, input errors and parse errors.",
    start(), negotiate(),
    send(b'{"execute": "query-version", "id": 1}\n{"execute": "no-such-cmd", "id": 2}\n'
         b'{"id": 3}\nnull\n{]\n{"execute": "query-version", "arguments": {"x": 1}, "id": 4}\n'
         b'{"execute": "qmp_capabilities", "id": 5}\n{"execute": "query-version", "id": 6}\n'),
    read(VERSION(id=1), not_found("no-such-cmd", id=2), GE(LACKS, id=3), GE(NOT_OBJECT),
         PARSE("expecting value"), GE("Parameter 'x' is unexpected", id=4), CNF(ALREADY, id=5),
         VERSION(id=6)))

add("pipeline-across-negotiation",
    "Requests before and after qmp_capabilities in one write: the mode changes between them.",
    start(),
    send(b'{"execute": "query-version", "id": 1}\n{"execute": "qmp_capabilities", "id": 2}\n'
         b'{"execute": "query-version", "id": 3}\n{"execute": "no-such-cmd", "id": 4}\n'),
    read(NEG(id=1), OK(id=2), VERSION(id=3), not_found("no-such-cmd", id=4)))

add("half-close",
    "Requests then shutdown(SHUT_WR): every request is answered, then QEMU closes.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": 1}\n{"execute": "no-such-cmd", "id": 2}\n'
         b'{"execute": "query-version", "id": 3}\n'),
    shutdown_write(),
    read_eof(OK(id=1), not_found("no-such-cmd", id=2), VERSION(id=3)))

add("half-close-partial",
    "A complete request and an incomplete one, then half-close: one answer, then EOF.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": 1}\n{"execute": "no-such-cmd", "id": 2'),
    shutdown_write(),
    read_eof(OK(id=1)))

add("half-close-before-greeting",
    "Requests and half-close before reading anything: greeting, answers, EOF.",
    connect(),
    send(b'{"execute": "qmp_capabilities"}\n{"execute": "no-such-cmd", "id": 1}\n'),
    shutdown_write(),
    read_eof(GREETING, OK(), not_found("no-such-cmd", id=1)))

add("half-close-idle",
    "Half-close right after the greeting: EOF, no other output.",
    start(), shutdown_write(), read_eof())

add("disconnect-mid-request",
    "A client negotiates, sends half a request and disconnects; the next client gets a fresh "
    "greeting, is in negotiation mode, and the partial request is gone (its remainder is an error "
    "on its own).",
    start("a"), negotiate(client="a"),
    send(b'{"execute": "no-such-cmd", "id": 1', "a"), pause(100), close("a"),
    start("b"),
    send(b'}\n', "b"), read(PARSE("expecting value"), client="b"),
    send(b'{"execute": "query-version"}\n', "b"), read(NEG(), client="b"),
    negotiate(client="b"),
    probe(True, client="b"))

add("reconnect-resets-capabilities",
    "OOB enabled by one client is off again for the next one.",
    start("a"), negotiate(oob=True, client="a"),
    send(b'{"exec-oob": "query-version", "id": 1}\n', "a"),
    read(GE("The command query-version does not support OOB", id=1), client="a"),
    close("a"),
    start("b"), negotiate(client="b"),
    send(b'{"exec-oob": "query-version", "id": 2}\n', "b"), read(unexpected("exec-oob", id=2), client="b"))

add("second-client-waits",
    "A second client connects while the first is connected: it gets nothing, not even a greeting, "
    "and its request is not read, until the first disconnects; then greeting and answer.",
    start("a"),
    connect("b"), quiet(500, "b"),
    send(b'{"execute": "query-version", "id": "b1"}\n', "b"), quiet(300, "b"),
    negotiate(client="a"),
    send(b'{"execute": "no-such-cmd", "id": "a1"}\n', "a"),
    read(not_found("no-such-cmd", id="a1"), client="a"),
    quiet(200, "b"),
    close("a"),
    read(GREETING, NEG(id="b1"), client="b"),
    probe(False, client="b"))

# --- ids -------------------------------------------------------------------------------------

add("ids-strings",
    "String ids, re-escaped: escapes, non-ASCII (raw and escaped), control characters, DEL, "
    "astral characters, slash, empty.",
    start(),
    bad_ids((b'"cookie#1"', NEG(id="cookie#1")),
            (b'""', NEG(id="")),
            (b'"\\"\\\\\\/\\b\\f\\n\\r\\t"', id_reply(b'"\\"\\\\/\\b\\f\\n\\r\\t"')),
            (b'"\xc3\xa9\\u00e9"', id_reply(b'"\\u00E9\\u00E9"')),
            (b'"\\u0000\\u0001\\u001F\\u007f\x7f"', id_reply(b'"\\u0000\\u0001\\u001F\\u007F\\u007F"')),
            (b'"\xf0\x9f\x98\x80\\ud83d\\ude00"', id_reply(b'"\\uD83D\\uDE00\\uD83D\\uDE00"')),
            (b'"\xef\xbf\xbd"', id_reply(b'"\\uFFFD"')),
            (b'"a/b c"', id_reply(b'"a/b c"'))))

add("ids-integers",
    "Integer ids: int64 and uint64 limits exact; beyond them doubles printed with %.17g; -0 is the "
    "integer 0.",
    start(),
    bad_ids((b'0', id_reply(b'0')),
            (b'-0', id_reply(b'0')),
            (b'-1', id_reply(b'-1')),
            (b'9223372036854775807', id_reply(b'9223372036854775807')),
            (b'9223372036854775808', id_reply(b'9223372036854775808')),
            (b'18446744073709551615', id_reply(b'18446744073709551615')),
            (b'18446744073709551616', id_reply(b'1.8446744073709552e+19')),
            (b'-9223372036854775808', id_reply(b'-9223372036854775808')),
            (b'-9223372036854775809', id_reply(b'-9.2233720368547758e+18')),
            (b'100000000000000000000000000000', id_reply(b'9.9999999999999991e+28')),
            (b'00', PARSE("stray '00'"))),
    read(PARSE("expecting value")),
    probe(False))

add("ids-floats",
    "Float ids printed with %.17g: 1.0, 0.1, exponents, overflow to inf (not JSON), underflow, "
    "negative zero.",
    start(),
    bad_ids((b'1.0', id_reply(b'1')),
            (b'0.1', id_reply(b'0.10000000000000001')),
            (b'-1.5', id_reply(b'-1.5')),
            (b'1E2', id_reply(b'100')),
            (b'2.5e-3', id_reply(b'0.0025000000000000001')),
            (b'1e400', id_reply(b'inf')),
            (b'-1e400', id_reply(b'-inf')),
            (b'1e-400', id_reply(b'0')),
            (b'-0.0', id_reply(b'-0')),
            (b'-0.0e0', id_reply(b'-0')),
            (b'123456789012345678901234567890.0', id_reply(b'1.2345678901234568e+29')),
            (b'1.7976931348623157e308', id_reply(b'1.7976931348623157e+308')),
            (b'5e-324', id_reply(b'4.9406564584124654e-324'))))

add("ids-literals-and-containers",
    "true/false/null ids, arrays, objects with keys in various orders (echoed in QDict order).",
    start(),
    bad_ids((b'true', NEG(id=True)),
            (b'false', NEG(id=False)),
            (b'null', NEG(id=None)),
            (b'[]', id_reply(b'[]')),
            (b'{}', id_reply(b'{}')),
            (b'[1, "a", [null], {}]', id_reply(b'[1, "a", [null], {}]')),
            (b'{"b":1,"a":2,"execute":3}', id_reply(b'{"a": 2, "execute": 3, "b": 1}')),
            (b'{"execute":3,"a":2,"b":1}', id_reply(b'{"a": 2, "execute": 3, "b": 1}')),
            (b'{"x": 1, "Id": 2}', id_reply(b'{"Id": 2, "x": 1}')),
            (b'{"Id": 2, "x": 1}', id_reply(b'{"x": 1, "Id": 2}')),
            (b'{"id": {"id": []}, "error": 0, "return": 1}',
             id_reply(b'{"return": 1, "id": {"id": []}, "error": 0}'))))

add("ids-on-success",
    "ids on successful replies ({\"return\": R, \"id\": I}) and after negotiation.",
    start(),
    send(b'{"execute": "qmp_capabilities", "id": {"b": [true], "a": 0.5}}\n'),
    read(b'{"return": {}, "id": {"a": 0.5, "b": [true]}}\r\n'),
    send(b'{"id": [1, "two"], "execute": "query-version"}\n'), read(VERSION(id=[1, "two"])),
    send(b'{"execute": "no-such-cmd", "id": 1e400}\n'),
    read(b'{"id": inf, "error": {"class": "CommandNotFound", "desc": '
         b'"The command no-such-cmd has not been found"}}\r\n'))

# --- pretty output ---------------------------------------------------------------------------

add("pretty-output",
    "A monitor with pretty=on: greeting, success, errors, parse error, ids with empty and nested "
    "containers: every CRLF, indent and separator.",
    start(),
    negotiate(),
    send(b'{"execute": "qmp_capabilities"}\n'), read(CNF(ALREADY)),
    send(b'{"execute": "query-version", "id": 1}\n'), read(VERSION(id=1)),
    send(b'{]\n'), read(PARSE("expecting value")),
    send(b'{"execute": "no-such-cmd", "id": {"a": [], "b": {}, "c": [1, {"d": null}], "e": "x"}}\n'),
    read(not_found("no-such-cmd", id={"a": [], "b": {}, "c": [1, {"d": None}], "e": "x"})),
    send(b'{"execute": "no-such-cmd", "id": [[], [[]], {}]}\n'),
    read(not_found("no-such-cmd", id=[[], [[]], {}])),
    monitor="pretty")

add("pretty-negotiation",
    "pretty=on in negotiation mode: the replaced CommandNotFound, an input error with an id, and "
    "qmp_capabilities with oob.",
    start(),
    send(b'{"execute": "query-version", "id": "q"}\n'), read(NEG(id="q")),
    send(b'{"id": [1, 2]}\n'), read(GE(LACKS, id=[1, 2])),
    send(b'{"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]}, "id": 0}\n'),
    read(OK(id=0)),
    monitor="pretty")

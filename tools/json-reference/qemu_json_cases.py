#!/usr/bin/env python3
"""Record how a real QEMU answers byte-exact JSON inputs on a QMP socket.

Each case is sent on a fresh connection (before capabilities negotiation), followed by a newline and
an end marker request; every response line before the marker's response is recorded. The output is
qapi-runtime/src/test/resources/json/qemu-cases.txt, replayed by QemuRecordedCasesTest without QEMU:

    # <case name>
    > <input: space-separated segments, each HEX or HEX*COUNT (the bytes repeated COUNT times)>
    < <response line, CRLF removed>            or   <*COUNT <line> for COUNT equal lines in a row

The same is done for PRETTY_CASES on a monitor with pretty=on, into qemu-cases-pretty.txt; there each
'<' line is one CRLF-terminated line of a (multi-line) response.

Usage: tools/json-reference/qemu_json_cases.py [OUTPUT_DIR]   (needs qemu-system-x86_64 on PATH)

Requests in the cases are {"execute": <string>, "id": ...} objects or non-objects, so that before
negotiation QEMU answers with the id echoed in a CommandNotFound error, "QMP input must be a JSON
object", or a parse error: everything here exercises the JSON layer, not the dispatcher.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time

END = b'{"execute": "end-marker", "id": "__end__"}\n'


def rep(unit, count):
    """A segment of `count` copies of `unit`, stored as one HEX*COUNT segment."""
    return (unit, count)


def segments(data):
    return data if isinstance(data, list) else [data]


def expand(data):
    return b"".join(seg[0] * seg[1] if isinstance(seg, tuple) else seg for seg in segments(data))


def encode(data):
    return " ".join("%s*%d" % (seg[0].hex(), seg[1]) if isinstance(seg, tuple) else seg.hex()
                    for seg in segments(data))


def req(id_json):
    return b'{"execute": "x", "id": ' + id_json + b'}\n'


CASES = [
    # notes §10, rows 3-9
    ("row3 {]", b"{]\n"),
    ("row4 {\\xff", b"{\xff"),
    ("row5 {\\x01", b"{\x01"),
    ("row6 {'bad \\xff", b"{'bad \xff"),
    ("row7 newline in string", b"{'execute': 'nonexistent', 'id':'\n"),
    ("row8 %p", b"%p"),
    ("row9 null", b"null\n"),
    # lexical errors and recovery
    ("stray 01", b"01 "),
    ("stray -x", b"-x"),
    ("stray 1.e", b"1.e"),
    ("stray tab in string", b'"a\tb" '),
    ("stray nul", b"\x00"),
    ("stray nul in string", b'"ab\x00'),
    ("stray utf8 in string", b'"\xc3\xa9\x02'),
    ("stray bad utf8 in string", b'"\xc3(\x03'),
    ("stray raw utf8 outside", b"\xc3\xa9\x02"),
    ("stray DEL", b"\x7f"),
    ("error drops partial message", b'{"a": %}'),
    ("recovery skips", b'%ab true "x" 1 '),
    ("recovery ends at brace", b'%ab true "x{}'),
    ("recovery ends at comma", b"%p,"),
    ("recovery tab", b"%a\ttrue "),
    ("recovery newline", b"%a\ntrue "),
    ("recovery cr", b"%a\rtrue "),
    ("control byte in recovery", b"%abc\x01def "),
    ("fe in recovery", b"%abc\xfetrue "),
    ("nul esc", b"nul\x1b"),
    ("number then control", b"12\x01"),
    ("resync", b'{"execute": ["abc", {\x01'),
    # parser errors
    ("expecting value {\"a\":}", b'{"a":}'),
    ("expecting value }", b"}"),
    ("expecting value ]", b"]"),
    ("expecting value :", b":"),
    ("expecting value ,", b","),
    ("trailing comma", b"[1,]"),
    ("key not string", b"{1:2}"),
    ("key object", b'{{"a":1}:2}'),
    ("key object bad", b'{{"a" 1}:2}'),
    ("missing colon", b'{"a" 1}'),
    ("duplicate key", b'{"a":1,"a":2}'),
    ("duplicate key escaped", b'{"a":1,"\\u0061":2}'),
    ("duplicate after bad value", b'{"a":1,"a":nul}'),
    ("separator dict", b'{"a":1 "b":2}'),
    ("separator list", b"[1 2]"),
    ("invalid keyword", b"[truex]"),
    ("keyword 1005", [rep(b"k", 1005), b" "]),
    ("keyword 1006", [rep(b"k", 1006), b" "]),
    ("keyword 3000", [rep(b"k", 3000), b" "]),
    ("first error wins", b"[nul, {1:2}, [3 4]]"),
    ("zero exponent", b"0e5 "),
    ("near premature eoi", b"{[}]"),
    # strings
    ("escapes", req(b'"\\"\\\'\\\\\\/\\b\\f\\n\\r\\t"')),
    ("single quoted", req(b"'it\\'s \"q\"'")),
    ("invalid escape", req(b'"\\x"')),
    ("u0000", req(b'"\\u0000"')),
    ("u00e9", req(b'"\\u00e9"')),
    ("pair", req(b'"\\ud83d\\ude00"')),
    ("lone high", req(b'"\\ud800"')),
    ("high then ascii", req(b'"\\ud800\\u0041"')),
    ("lone low", req(b'"\\udc00"')),
    ("bad hex", req(b'"\\u12G4"')),
    ("noncharacter fdd0", req(b'"\\ufdd0"')),
    ("noncharacter ffff", req(b'"\\uFFFF"')),
    ("pair noncharacter", req(b'"\\uD83F\\uDFFE"')),
    ("short escape", req(b'"\\u12"')),
    ("short escape utf8", req(b'"\\u1\xc3"')),
    ("raw utf8", req(b'"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f"')),
    ("c0 80", req(b'"a\xc0\x80b"')),
    ("overlong", req(b'"\xc1\x81"')),
    ("overlong 3", req(b'"\xe0\x80\x80"')),
    ("surrogate utf8", req(b'"\xed\xa0\x80"')),
    ("noncharacter utf8", req(b'"\xef\xbf\xbe"')),
    ("noncharacter 1fffe utf8", req(b'"\xf0\x9f\xbf\xbe"')),
    ("beyond 10ffff", req(b'"\xf4\x90\x80\x80"')),
    ("five bytes", req(b'"\xf8\x88\x80\x80\x80"')),
    ("bad continuation", req(b'"\xc3("')),
    ("lone continuation", req(b'"\x80"')),
    ("cut by quote", req(b'"\xc3"')),
    ("fe in string", b'"a\xfe" '),
    # id echo
    ("id 1.0", req(b"1.0")),
    ("id 0.1", req(b"0.1")),
    ("id int64 min - 1", req(b"-9223372036854775809")),
    ("id int64 min", req(b"-9223372036854775808")),
    ("id uint64 max", req(b"18446744073709551615")),
    ("id uint64 max + 1", req(b"18446744073709551616")),
    ("id 1e400", req(b"1e400")),
    ("id -1e400", req(b"-1e400")),
    ("id 1e-400", req(b"1e-400")),
    ("id -1e-400", req(b"-1e-400")),
    ("id -0", req(b"-0")),
    ("id -0.0", req(b"-0.0")),
    ("id 5e-324", req(b"5e-324")),
    ("id 1e16", req(b"1e16")),
    ("id 1e17", req(b"1e17")),
    ("id 2.5e-5", req(b"2.5e-5")),
    ("id 0.0001", req(b"0.0001")),
    ("id 0.30000000000000004", req(b"0.30000000000000004")),
    ("id long digits", [b'{"execute": "x", "id": 1.', rep(b"0", 1500), b"1}\n"]),
    ("id string", req(b'"cookie#1"')),
    ("id object order", req(b'{"b":1,"a":2,"execute":3}')),
    ("id object many keys", req(b'{"QMP":1,"version":2,"capabilities":3,"qemu":4,"package":5,"minor":6,'
                                b'"micro":7,"major":8,"return":9,"id":10,"error":11,"class":12,"desc":13,'
                                b'"timestamp":14,"event":15,"data":16,"seconds":17,"microseconds":18,'
                                b'"label":19,"exec-oob":20,"execute":21,"arguments":22,"extra":23}')),
    ("id object non-ascii keys", req(b'{"\\u00e9":1,"\xe2\x82\xac":2,"\\ud83d\\ude00":3,"\\u0000":4,"":5,'
                                     b'"a\\u0000b":6,"\\u07ff":7,"\\uffee":8}')),
    ("id nested", req(b'[{"b":[true,false],"a":null},[],{}]')),
    ("id deep", [b'{"execute": "x", "id": ', rep(b"[", 50), rep(b"]", 50), b"}\n"]),
    ("id true", req(b"true")),
    ("id null", req(b"null")),
    ("id controls", req(b'"\\u0001\\u001f\\u007f\\u0080 /"')),
    # several messages, scalars
    ("several on one line", b'{"execute":"a"}{"execute":"b"} 7 "s" [1]\n'),
    # limits
    ("nesting 1024", [rep(b"[", 1024), rep(b"]", 1024)]),
    ("nesting 1025", [rep(b"[", 1025), b"1", rep(b"]", 1025)]),
    ("nesting mixed 1025", [rep(b'{"a":[', 512), b"{"]),
    ("limit then scalars", [rep(b"[", 1025), b'"x" 2 true ]}']),
    ("token count ok", [b"[", rep(b"1,", (1 << 20) - 2), b"[]]"]),
    ("token count exceeded", [b"[", rep(b"1,", (1 << 20) - 1), b"1,2]"]),
]

PRETTY_CASES = [
    ("negotiation", b'{"execute": "qmp_capabilities", "id": 1}'),
    ("id nested", req(b'[1, [], {"b": {}, "a": [2, [[]]]}, {}]')),
    ("id scalar", req(b'"cookie#1"')),
    ("id empty object", req(b"{}")),
    ("parse error", b"{]"),
    ("not an object", b"[1, 2]"),
    ("several", b'{"execute":"a"} 7 '),
]


def read_line(sock, buf, deadline):
    while b"\r\n" not in buf:
        sock.settimeout(max(0.01, deadline - time.time()))
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            return None, buf
        if not chunk:
            return None, buf
        buf += chunk
    line, _, rest = buf.partition(b"\r\n")
    return line, rest


def run_case(path, data, pretty=False):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    buf = b""
    greeting, buf = read_line(sock, buf, time.time() + 10)
    assert greeting in (b"{", b"") or greeting.startswith(b'{"QMP"'), greeting
    while pretty and greeting != b"}":  # the greeting's last line
        greeting, buf = read_line(sock, buf, time.time() + 10)
    sock.settimeout(None)
    sock.sendall(data + b"\n" + END)
    lines = []
    deadline = time.time() + 120
    while True:
        line, buf = read_line(sock, buf, deadline)
        if line is None:
            raise SystemExit("no end marker for %r" % data[:80])
        if b'"__end__"' in line:
            if pretty:
                assert lines.pop() == b"{"
            break
        lines.append(line)
    sock.close()
    return lines


def record(out, cases, pretty):
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "qmp.sock")
    monitor = ["-chardev", "socket,id=qmp,path=%s,server=on,wait=off" % path,
               "-mon", "chardev=qmp,mode=control" + (",pretty=on" if pretty else "")]
    qemu = subprocess.Popen(["qemu-system-x86_64", "-machine", "none", "-display", "none", "-nodefaults"] + monitor)
    try:
        for _ in range(100):
            if os.path.exists(path):
                break
            time.sleep(0.1)
        version = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True).stdout
        with open(out, "w", encoding="ascii") as f:
            f.write("# Recorded from %s by tools/json-reference/qemu_json_cases.py\n" % version.splitlines()[0])
            for name, data in cases:
                lines = run_case(path, expand(data), pretty)
                f.write("# %s\n> %s\n" % (name, encode(data)))
                i = 0
                while i < len(lines):
                    j = i
                    while j < len(lines) and lines[j] == lines[i]:
                        j += 1
                    prefix = "<*%d " % (j - i) if j - i > 1 else "< "
                    f.write(prefix + lines[i].decode("ascii") + "\n")
                    i = j
    finally:
        qemu.kill()
        qemu.wait()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "../../qapi-runtime/src/test/resources/json")
    record(os.path.join(out, "qemu-cases.txt"), CASES, False)
    record(os.path.join(out, "qemu-cases-pretty.txt"), PRETTY_CASES, True)


if __name__ == "__main__":
    main()

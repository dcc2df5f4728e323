"""QMP wire helpers shared by record.py and cases.py: byte<->string encoding of the corpus,
response framing, and a re-implementation of QEMU's JSON writer (compact and pretty, QDict key
order), used to derive the bytes a QEMU 10.0 server sends where they differ from 7.2's and to
self-check that every recorded message is what that writer produces from its parsed form."""

import json
import math


def to_text(data: bytes) -> str:
    """Bytes as the corpus stores them: one char U+0000..U+00FF per byte (ISO-8859-1)."""
    return data.decode("latin-1")


def from_text(text: str) -> bytes:
    return text.encode("latin-1")


# --- framing ---------------------------------------------------------------------------------

def split_messages(buf: bytes):
    """Split QEMU's output into messages. A message is a JSON text followed by CRLF; in pretty mode
    the text itself spans several CRLF-terminated lines, so a message ends at the first CRLF where
    the brackets seen so far (outside strings) are balanced. Returns (messages, rest)."""
    msgs = []
    start = 0
    depth = 0
    in_str = False
    esc = False
    seen = False
    i = 0
    n = len(buf)
    while i < n:
        c = buf[i]
        if in_str:
            if esc:
                esc = False
            elif c == 0x5C:
                esc = True
            elif c == 0x22:
                in_str = False
        elif c == 0x22:
            in_str = True
            seen = True
        elif c in (0x7B, 0x5B):
            depth += 1
            seen = True
        elif c in (0x7D, 0x5D):
            depth -= 1
        elif c == 0x0D and i + 1 < n and buf[i + 1] == 0x0A and depth <= 0 and seen:
            msgs.append(buf[start:i + 2])
            i += 2
            start = i
            depth = 0
            seen = False
            continue
        elif c not in (0x20, 0x0D, 0x0A):
            seen = True
        i += 1
    return msgs, buf[start:]


# --- parsing ---------------------------------------------------------------------------------

def parse(raw: bytes):
    """Parse one message. Returns (value, ok). QEMU can print non-JSON (`inf`, `nan`) for doubles;
    those messages are not valid JSON and give (None, False). `-0` (a double) is kept as -0.0."""
    def parse_int(s):
        return -0.0 if s == "-0" else int(s)

    def bad_constant(s):
        raise ValueError(s)

    try:
        return json.loads(raw.decode("ascii"), parse_int=parse_int,
                          parse_constant=bad_constant), True
    except (ValueError, UnicodeDecodeError):
        return None, False


# --- QEMU's JSON writer ----------------------------------------------------------------------

def tdb_hash(key: str) -> int:
    data = key.encode("utf-8")
    v = (0x238F13AF * len(data)) & 0xFFFFFFFF
    for i, b in enumerate(data):
        v = (v + (b << (i * 5 % 24))) & 0xFFFFFFFF
    return (1103515243 * v + 12345) & 0xFFFFFFFF


def qdict_order(keys):
    """The iteration order of a QDict into which `keys` were inserted in this order: ascending
    bucket (tdb_hash % 512), the most recently inserted key first within a bucket."""
    indexed = list(enumerate(keys))
    indexed.sort(key=lambda ik: (tdb_hash(ik[1]) % 512, -ik[0]))
    return [k for _, k in indexed]


def qdict_ordered(value) -> bool:
    """Whether every object in value has its keys in ascending QDict bucket order (the order
    within a bucket depends on insertion order, which the output does not show)."""
    if isinstance(value, dict):
        buckets = [tdb_hash(k) % 512 for k in value]
        return buckets == sorted(buckets) and all(qdict_ordered(v) for v in value.values())
    if isinstance(value, list):
        return all(qdict_ordered(v) for v in value)
    return True


def _quote(s: str) -> str:
    out = ['"']
    for ch in s:
        cp = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif 0xD800 <= cp <= 0xDFFF:
            out.append("\\uFFFD")  # cannot come out of QEMU's parser; never valid UTF-8
        elif cp > 0xFFFF:
            cp -= 0x10000
            out.append("\\u%04X\\u%04X" % (0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)))
        elif cp < 0x20 or cp >= 0x7F:
            out.append("\\u%04X" % cp)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _scalar(v) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan" if math.copysign(1, v) > 0 else "-nan"
        return "%.17g" % v
    if isinstance(v, str):
        return _quote(v)
    raise TypeError(type(v))


def qemu_json(value, pretty=False, reorder=True) -> str:
    """QEMU's qobject_to_json / qobject_to_json_pretty. With reorder, object keys are put in QDict
    order (taking the dict's order as insertion order); without, the dict's order is kept (use
    that for values already in QEMU's order, e.g. parsed from QEMU's output)."""
    out = []
    depth = [0]
    need_comma = [False]

    def newline():
        if pretty:
            out.append("\n" + " " * (depth[0] * 4))

    def before_value():
        if need_comma[0]:
            out.append(",")
            if pretty:
                newline()
            else:
                out.append(" ")
        else:
            if out:
                newline()
            need_comma[0] = True

    def emit(v, name=None):
        before_value()
        if name is not None:
            out.append(_quote(name) + ": ")
        if isinstance(v, dict):
            out.append("{")
            depth[0] += 1
            need_comma[0] = False
            keys = qdict_order(list(v)) if reorder else list(v)
            for k in keys:
                emit(v[k], k)
            depth[0] -= 1
            need_comma[0] = True
            newline()
            out.append("}")
        elif isinstance(v, list):
            out.append("[")
            depth[0] += 1
            need_comma[0] = False
            for e in v:
                emit(e)
            depth[0] -= 1
            need_comma[0] = True
            newline()
            out.append("]")
        else:
            out.append(_scalar(v))

    emit(value)
    return "".join(out)


def qemu_message(value, pretty=False, reorder=True) -> bytes:
    """A whole message as QEMU sends it: the JSON text plus newline, every LF turned into CRLF."""
    text = qemu_json(value, pretty, reorder) + "\n"
    return text.replace("\n", "\r\n").encode("ascii")

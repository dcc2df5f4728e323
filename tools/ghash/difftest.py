#!/usr/bin/env python3
"""Differential test of GHashTableOrder against real GLib.

Generates random operation sequences (insertions and removals of string keys, as QEMU's QObject
input visitor performs them on its GHashTable, plus freer interleavings), runs them through
ghash-oracle (ghash-oracle.c, linked against the system GLib), and replays the transcript through
dev.qapi.runtime.marshal.GHashTableOrder (via the test class GHashTranscript). Any answer that
differs is printed and the exit status is 1.

    tools/ghash/difftest.py [--count N] [--seed S] [--batch B] [--keep DIR]
    tools/ghash/difftest.py --references FILE [--count N] [--seed S]

With --references it writes the oracle's transcript of a fixed, smaller set of sequences to FILE
(gzip -9n'd when FILE ends in .gz) and replays it once. The test resource GHashTableOrderTest
replays was made with

    tools/ghash/difftest.py --count 300 --seed 1 \
        --references qapi-runtime/src/test/resources/dev/qapi/runtime/marshal/ghash-references.txt.gz

Sequences are reproducible from the seed (with the same Python version).

Needs gcc, pkg-config and GLib's headers (Debian: libglib2.0-dev), a JDK, and Maven (the test
classes are compiled with `mvn -q -B -pl qapi-runtime test-compile` unless --no-build).
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

MEMBER_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_"
PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))


def random_codepoint(rng):
    """A code point QEMU's JSON parser accepts, weighted towards the interesting encodings."""
    kind = rng.random()
    if kind < 0.05:
        return 0  # stored as C0 80
    if kind < 0.35:
        return rng.randrange(0x80, 0x100)  # two bytes, lead C2/C3
    if kind < 0.55:
        return rng.randrange(0x100, 0x800)
    if kind < 0.85:
        while True:
            c = rng.randrange(0x800, 0x10000)
            if not 0xD800 <= c <= 0xDFFF:
                return c
    return rng.randrange(0x10000, 0x110000)


def random_key(rng):
    style = rng.random()
    if style < 0.45:
        # QAPI-like member names
        name = "".join(rng.choice(MEMBER_CHARS) for _ in range(rng.randint(1, 16)))
        return ("x-" + name) if rng.random() < 0.1 else name
    if style < 0.6:
        return "".join(rng.choice(PRINTABLE) for _ in range(rng.randint(0, 10)))
    if style < 0.7:
        return "".join(rng.choice("ab") for _ in range(rng.randint(0, 8)))
    # mixed ASCII and non-ASCII: bytes >= 0x80, which g_str_hash adds as negative numbers
    chars = []
    for _ in range(rng.randint(1, 8)):
        chars.append(chr(random_codepoint(rng)) if rng.random() < 0.6 else rng.choice(PRINTABLE))
    return "".join(chars)


def token(key):
    """The key token ghash-oracle reads: QEMU's bytes (UTF-8, U+0000 as C0 80), quoted, %XX-escaped."""
    out = ['"']
    for b in key.encode("utf-8").replace(b"\x00", b"\xc0\x80"):
        if b <= 0x20 or b >= 0x7F or b in (0x22, 0x25):
            out.append("%%%02X" % b)
        else:
            out.append(chr(b))
    out.append('"')
    return "".join(out)


def random_key_count(rng, largest, large_share):
    r = rng.random()
    if r < 1 - large_share - 0.3:
        return rng.randint(0, 12)
    if r < 1 - large_share:
        return rng.randint(13, 60)
    return rng.randint(61, largest)


def distinct_keys(rng, n):
    keys, seen = [], set()
    while len(keys) < n:
        k = random_key(rng)
        if k not in seen:
            seen.add(k)
            keys.append(k)
    return keys


def sequence(rng, largest, dense):
    """One sequence as oracle input lines. dense: 'first' after every operation."""
    n = random_key_count(rng, largest, 0.25 if dense else 0.1)
    keys = distinct_keys(rng, n)
    inserted = set(keys)
    absent = [k for k in distinct_keys(rng, 3) if k not in inserted]  # for removals that find nothing
    shape = rng.random()
    lines = ["new", "# %s, %d keys" % ("qemu" if shape < 0.6 else "churn" if shape < 0.85 else "drain", n)]

    def op(kind, key):
        lines.append("%s %s" % (kind, token(key)))
        if dense or rng.random() < 0.05:
            lines.append("first")
        if dense and rng.random() < 0.08:
            lines.append("order")

    if shape < 0.6:
        # QEMU: insert every key of the object, remove the members the command visits, report.
        for k in keys:
            op("ins", k)
        if keys and rng.random() < 0.2:
            op("ins", rng.choice(keys))
        lines.append("order")
        visited = rng.sample(keys, rng.randint(0, n))
        if absent and rng.random() < 0.2:
            visited.insert(rng.randint(0, len(visited)), rng.choice(absent))
        for k in visited:
            op("rem", k)
    elif shape < 0.85:
        # churn: random insertions and removals over a pool of keys (tombstone reuse, many rebuilds)
        pool = keys + absent
        present = set()
        for _ in range(3 * n + 1):
            if not pool:
                break
            k = rng.choice(pool)
            if k in present and rng.random() < 0.6 or k not in present and rng.random() < 0.15:
                op("rem", k)
                present.discard(k)
            else:
                op("ins", k)
                present.add(k)
    else:
        # drain: fill, empty completely (shrinking step by step), refill part
        for k in keys:
            op("ins", k)
        for k in rng.sample(keys, n):
            op("rem", k)
        for k in rng.sample(keys, rng.randint(0, n)):
            op("ins", k)
    lines.append("first")
    lines.append("order")
    return lines


def build_oracle(workdir):
    exe = os.path.join(workdir, "ghash-oracle")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "glib-2.0"], check=True,
                           capture_output=True, text=True).stdout.split()
    subprocess.run(["gcc", "-O2", "-Wall", "-Wextra", "-o", exe, os.path.join(HERE, "ghash-oracle.c")] + flags,
                   check=True)
    return exe


def run_oracle(exe, lines, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        subprocess.run([exe], input="\n".join(lines) + "\n", text=True, stdout=out, check=True)


def replay(paths):
    cp = os.pathsep.join(os.path.join(REPO, "qapi-runtime", "target", d) for d in ("classes", "test-classes"))
    return subprocess.run(["java", "-cp", cp, "dev.qapi.runtime.marshal.GHashTranscript"] + paths).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=5000, help="number of sequences (default 5000)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: random, printed)")
    ap.add_argument("--batch", type=int, default=1000, help="sequences per transcript file")
    ap.add_argument("--largest", type=int, default=200, help="largest key count (default 200)")
    ap.add_argument("--keep", help="keep the transcripts in this directory")
    ap.add_argument("--references", help="write a reference transcript to this file")
    ap.add_argument("--no-build", action="store_true", help="do not run mvn test-compile first")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    print("seed %d" % seed, flush=True)
    if not args.no_build:
        subprocess.run(["mvn", "-q", "-B", "-pl", "qapi-runtime", "test-compile"], cwd=REPO, check=True)

    with tempfile.TemporaryDirectory() as tmp:
        exe = build_oracle(tmp)
        if args.references:
            lines = ["# GHashTableOrder references: tools/ghash/difftest.py --references"
                     " --count %d --seed %d --largest %d" % (args.count, seed, args.largest)]
            for _ in range(args.count):
                lines += sequence(rng, args.largest, dense=False)
            if args.references.endswith(".gz"):
                plain = os.path.join(tmp, "references.txt")
                run_oracle(exe, lines, plain)
                with open(args.references, "wb") as out:
                    subprocess.run(["gzip", "-9n", "-c", plain], stdout=out, check=True)
            else:
                run_oracle(exe, lines, args.references)
            return replay([args.references])
        outdir = args.keep or tmp
        os.makedirs(outdir, exist_ok=True)
        paths = []
        done = 0
        while done < args.count:
            batch = min(args.batch, args.count - done)
            lines = []
            for _ in range(batch):
                lines += sequence(rng, args.largest, dense=True)
            path = os.path.join(outdir, "transcript-%05d.txt" % (done // args.batch))
            run_oracle(exe, lines, path)
            paths.append(path)
            done += batch
        return replay(paths)


if __name__ == "__main__":
    sys.exit(main())

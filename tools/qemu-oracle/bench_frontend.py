#!/usr/bin/env python3
"""Time QEMU 10.0's Python QAPI front end (QAPISchema construction) on a schema.

Usage: bench_frontend.py [--qemu-scripts DIR] [--cold N] [--warm N] SCHEMA.json

Prints two lines:
  python cold ms: X   median wall time of N fresh python3 processes (default 5), each of
                      which imports QEMU's qapi package and builds QAPISchema(SCHEMA) once
                      (interpreter start-up and imports included)
  python warm ms: Y   median of N in-process QAPISchema(SCHEMA) builds (default 10), after
                      2 warm-up builds

The schema path is used as given, relative to the current directory. The QEMU scripts
directory defaults as in oracle.py ($QEMU_SOURCE/scripts, else the QEMU source tool).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle import default_scripts_dir  # noqa: E402  pylint: disable=wrong-import-position

CHILD = ('import sys; sys.path.insert(0, sys.argv[1]); '
         'from qapi.schema import QAPISchema; QAPISchema(sys.argv[2])')


def cold(scripts, schema, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, '-c', CHILD, scripts, schema], check=True)
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def warm(scripts, schema, runs, warmups=2):
    sys.path.insert(0, scripts)
    # pylint: disable=import-outside-toplevel
    from qapi.schema import QAPISchema
    for _ in range(warmups):
        QAPISchema(schema)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        QAPISchema(schema)
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def main():
    argp = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    argp.add_argument('--qemu-scripts', metavar='DIR')
    argp.add_argument('--cold', type=int, default=5, metavar='N')
    argp.add_argument('--warm', type=int, default=10, metavar='N')
    argp.add_argument('schema', metavar='SCHEMA.json')
    args = argp.parse_args()
    scripts = args.qemu_scripts or default_scripts_dir()
    print('python cold ms: %.1f' % cold(scripts, args.schema, args.cold), flush=True)
    print('python warm ms: %.1f' % warm(scripts, args.schema, args.warm))


if __name__ == '__main__':
    main()

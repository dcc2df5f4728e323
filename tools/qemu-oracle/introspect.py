#!/usr/bin/env python3
"""Test oracle for introspection: run QEMU 10.0's own introspection generator
(scripts/qapi/introspect.py) on a schema and print the data it builds for
query-qmp-schema as JSON, without generating any C.

Usage: introspect.py [--qemu-scripts DIR] [-u] [-D SYMBOL]... SCHEMA.json

  -u         keep type names unmasked (QEMU's --unmask-non-abi-names)
  -D SYMBOL  evaluate the conditions QEMU attaches to the data (which its C
             output wraps in #if) for a build that defines exactly the given
             symbols, and leave out what is false; may be repeated. Without -D,
             nothing is left out, as if every condition held.

Output: a JSON array, "[" on the first line, one entry per line (compact,
object keys in the order QEMU's generator inserts them), "]" on the last line;
an empty array prints as "[]".

QEMU's package is imported at run time, found as by oracle.py (next to this
file). This file contains none of QEMU's code: it runs QEMU's generator
visitor over the schema and captures the tree the visitor hands to its
C emitter. Masked names are therefore numbered exactly as QEMU numbers them,
whatever -D later removes (the preprocessor only drops entries).

Exit status: as oracle.py (0 ok, 1 QAPIError on stderr, 2 usage,
3 QEMU crashed: "CRASH: <exception type>").
"""

import argparse
import json
import re
import sys

from oracle import default_scripts_dir

_DEFINED = re.compile(r'defined\(([A-Za-z_][A-Za-z0-9_]*)\)')
_PYTHON_BOOL_EXPR = re.compile(r'^(?:True|False|and|or|not|[() ])*$')


def preprocessor_value(c_condition, defined):
    """Evaluate the condition of one generated '#if' (e.g.
    'defined(A) && !(defined(B) || defined(C))') as the C preprocessor would
    for a build defining exactly the symbols in `defined`."""
    expr = _DEFINED.sub(lambda m: ' %s ' % (m.group(1) in defined), c_condition)
    expr = expr.replace('&&', ' and ').replace('||', ' or ').replace('!', ' not ')
    if not _PYTHON_BOOL_EXPR.match(expr):
        raise ValueError('unexpected #if condition: ' + c_condition)
    # C and Python agree on precedence here: ! / not, then && / and, then || / or
    return eval(expr, {'__builtins__': {}})   # pylint: disable=eval-used


def plain_value(tree, annotated_cls, defined):
    """The JSON value of a tree: Annotated wrappers removed, and, when
    `defined` is not None, every Annotated whose condition is false dropped
    from the list holding it."""
    if isinstance(tree, annotated_cls):
        return plain_value(tree.value, annotated_cls, defined)
    if isinstance(tree, list):
        return [plain_value(item, annotated_cls, defined) for item in tree
                if not (isinstance(item, annotated_cls) and defined is not None
                        and item.ifcond.is_present()
                        and not preprocessor_value(item.ifcond._cgen(), defined))]
    if isinstance(tree, dict):
        # dict values are never Annotated (QEMU's emitter asserts so)
        return {key: plain_value(value, annotated_cls, defined)
                for key, value in tree.items()}
    return tree


def capture_trees(schema, introspect_mod, unmask):
    """Run QEMU's introspection visitor over the schema and return the list
    of Annotated entries its visit_end() passes to the C emitter."""
    captured = []
    real_emitter = introspect_mod._tree_to_qlit   # pylint: disable=protected-access

    def capture(trees, *args, **kwargs):
        captured.append(trees)
        return ''

    introspect_mod._tree_to_qlit = capture   # pylint: disable=protected-access
    try:
        schema.visit(introspect_mod.QAPISchemaGenIntrospectVisitor('', unmask))
    finally:
        introspect_mod._tree_to_qlit = real_emitter   # pylint: disable=protected-access
    (trees,) = captured
    return trees


def render(entries):
    if not entries:
        return '[]\n'
    lines = [json.dumps(entry, ensure_ascii=False, separators=(',', ':'))
             for entry in entries]
    return '[\n' + ',\n'.join(lines) + '\n]\n'


def main():
    argp = argparse.ArgumentParser(
        description="Print QEMU 10.0's query-qmp-schema data for a QAPI schema.")
    argp.add_argument('--qemu-scripts', metavar='DIR',
                      help="QEMU's scripts directory (holding qapi/)")
    argp.add_argument('-u', '--unmask-non-abi-names', action='store_true',
                      dest='unmask', help='do not mask type names')
    argp.add_argument('-D', action='append', metavar='SYMBOL', dest='defines',
                      help='evaluate conditions with SYMBOL defined (repeatable)')
    argp.add_argument('schema', metavar='SCHEMA.json')
    args = argp.parse_args()
    sys.stdout.reconfigure(encoding='utf-8', newline='\n')
    sys.stderr.reconfigure(encoding='utf-8', newline='\n')

    scripts = args.qemu_scripts or default_scripts_dir()
    sys.dont_write_bytecode = True
    sys.path.insert(0, scripts)
    # pylint: disable=import-outside-toplevel
    from qapi import introspect as qintrospect
    from qapi import schema as qschema
    from qapi.error import QAPIError

    try:
        schema = qschema.QAPISchema(args.schema)
        trees = capture_trees(schema, qintrospect, args.unmask)
    except QAPIError as err:
        print(str(err), file=sys.stderr)
        return 1
    except Exception as exc:   # pylint: disable=broad-except
        print('CRASH: %s' % type(exc).__name__, file=sys.stderr)
        return 3

    defined = set(args.defines) if args.defines is not None else None
    sys.stdout.write(render(plain_value(trees, qintrospect.Annotated, defined)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
